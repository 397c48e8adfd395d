package cn.egov.kiosk.ui.form;

import cn.egov.kiosk.catalogue.Glossary;
import cn.egov.kiosk.form.FormState;
import cn.egov.kiosk.form.HeldLicence;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.FieldProblem;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An item's application form on screen: its fields as the catalogue describes them, filled in from
 * the citizen's card and the business licence the platform holds ({@link FormState}); what the
 * citizen types is kept as typed; a field's problem is said in the citizen's words once they leave
 * it or touch next, and goes as soon as the value is right. When next finds nothing wrong, {@link
 * #completedProperty()} holds what {@code ApplicationService.submit} takes. No background work: the
 * checks are in memory. Its entry points run on the JavaFX thread.
 */
public final class FormViewModel implements CitizenState {
    /** The node property through which a text input names the on-screen keyboard it needs. */

    /** One answer of a choice field: its value and its label in the current language. */
    public record ChoiceOption(String value, StringBinding label) {}

    /** One field on screen. */
    public final class FieldModel {
        private final Catalogue.Field field;
        private final StringProperty text = new SimpleStringProperty("");
        private final ReadOnlyObjectWrapper<FieldProblem> shown = new ReadOnlyObjectWrapper<>();
        private final ReadOnlyObjectWrapper<FormState.Source> source = new ReadOnlyObjectWrapper<>();
        private final StringBinding label;
        private final StringBinding hint;
        private final StringBinding problem;
        private final StringBinding mark;
        private final List<ChoiceOption> choices = new ArrayList<>();
        private final boolean locked;

        private FieldModel(Catalogue.Field field, FormState form) {
            this.field = field;
            this.locked = form.locked(field.id());
            text.set(form.value(field.id()));
            source.set(form.source(field.id()));
            label = Bindings.createStringBinding(() -> field.label(i18n.locale()), i18n.localeProperty());
            hint = Bindings.createStringBinding(() -> field.hint(i18n.locale()), i18n.localeProperty());
            problem = Bindings.createStringBinding(
                    () -> shown.get() == null ? "" : i18n.text(message(shown.get()), field.maxLength()),
                    shown,
                    i18n.localeProperty());
            mark = Bindings.createStringBinding(
                    () -> switch (source.get()) {
                        case CARD -> i18n.text(Msg.FORM_FROM_CARD);
                        case LICENCE -> i18n.text(Msg.FORM_FROM_LICENCE);
                        case TYPED -> field.required() ? "" : i18n.text(Msg.FORM_OPTIONAL);
                    },
                    source,
                    i18n.localeProperty());
            for (Catalogue.Choice c : field.choices()) {
                choices.add(new ChoiceOption(
                        c.value(), Bindings.createStringBinding(() -> c.label(i18n.locale()), i18n.localeProperty())));
            }
            text.addListener((obs, old, now) -> typed(this, now));
        }

        public String id() {
            return field.id();
        }

        public Catalogue.Field field() {
            return field;
        }

        /** The text in the input (a choice field: the chosen value), as typed. */
        public StringProperty textProperty() {
            return text;
        }

        public StringBinding label() {
            return label;
        }

        /** The label in the current language cut into segments, each official term with its everyday words. */
        public List<Glossary.Segment> explainedLabel() {
            return glossary.explain(label.get(), i18n.locale());
        }

        /** What to enter, in the current language ("" when none). */
        public StringBinding hint() {
            return hint;
        }

        /** The problem in the citizen's words, "" while none is shown. */
        public StringBinding problem() {
            return problem;
        }

        /** 来自身份证, 来自营业执照, 选填, or "". */
        public StringBinding mark() {
            return mark;
        }

        public ReadOnlyObjectProperty<FieldProblem> shownProblemProperty() {
            return shown.getReadOnlyProperty();
        }

        public ReadOnlyObjectProperty<FormState.Source> sourceProperty() {
            return source.getReadOnlyProperty();
        }

        /** Filled in from the card and not typed again (name, number, sex, birth date). */
        public boolean locked() {
            return locked;
        }

        public boolean isChoice() {
            return field.type() == Catalogue.FieldType.CHOICE;
        }

        public List<ChoiceOption> choices() {
            return choices;
        }

        /** The keyboard the input needs; empty for choices and locked fields (nothing to type). */
        public Optional<KeyboardKind> keyboard() {
            return locked || isChoice() ? Optional.empty() : Optional.of(keyboardFor(field.type()));
        }
    }

    private final I18n i18n;
    private final ObservableList<FieldModel> fields = FXCollections.observableArrayList();
    private final ObservableList<FieldModel> readOnlyFields = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Integer> toFix = new ReadOnlyObjectWrapper<>(0);
    private final StringBinding summary;
    private final ReadOnlyObjectWrapper<String> firstProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FormState.Completed> completed = new ReadOnlyObjectWrapper<>();
    private final List<CitizenState> parts = new ArrayList<>();
    private FormState form;
    /** The everyday words of the official terms in the labels. */
    private Glossary glossary = Glossary.empty();
    /** Next was touched: the summary counts what is still to fix. */
    private boolean counting;

    public FormViewModel(I18n i18n) {
        this.i18n = i18n;
        summary = Bindings.createStringBinding(
                () -> toFix.get() == 0 ? "" : i18n.text(Msg.FORM_FIX, toFix.get()), toFix, i18n.localeProperty());
    }

    /**
     * A part of the form's screen that holds what the citizen entered (the address picker) is reset
     * with the form: when another form starts and when the next citizen comes.
     */
    public void alsoResets(CitizenState part) {
        parts.add(part);
    }

    /**
     * Shows {@code item}'s form for {@code citizen}, filled in from their card and, when the platform
     * holds one, their business licence. A form shown before is dropped.
     *
     * @throws IllegalArgumentException when the item has no kiosk form
     */
    public void start(Catalogue.Item item, Identity citizen, Optional<HeldLicence> licence) {
        start(item, citizen, licence, Glossary.empty());
    }

    /** As {@link #start(Catalogue.Item, Identity, Optional)}, the official terms in the labels explained by {@code words}. */
    public void start(Catalogue.Item item, Identity citizen, Optional<HeldLicence> licence, Glossary words) {
        FormState next = new FormState(item, citizen, licence);
        resetForNextCitizen();
        form = next;
        glossary = words;
        title.set(item.name());
        List<FieldModel> models = new ArrayList<>();
        for (Catalogue.Field f : next.fields()) {
            models.add(new FieldModel(f, next));
        }
        fields.setAll(models);
    }

    private void typed(FieldModel m, String text) {
        if (form == null || m.locked()) {
            return;
        }
        form.set(m.id(), text);
        m.source.set(form.source(m.id()));
        completed.set(null);
        if (m.shown.get() != null && form.problem(m.id()).isEmpty()) {
            m.shown.set(null); // right now: the note goes at once; a new one waits until the field is left
            recount();
        }
        if (m.isChoice()) {
            left(m.id()); // a touch on an answer is the whole answer
        }
    }

    /** The citizen left the field: its problem, if any, is said now. */
    public void left(String fieldId) {
        if (form == null) {
            return;
        }
        FieldModel m = model(fieldId);
        m.shown.set(form.problem(fieldId).orElse(null));
        recount();
    }

    /** The citizen chose an answer of a choice field. */
    public void choose(String fieldId, String value) {
        model(fieldId).textProperty().set(value);
    }

    /**
     * Next: every field's problem is said; when there is none, the completed form is ready ({@link
     * #completedProperty()}) and true is returned.
     */
    public boolean next() {
        if (form == null) {
            return false;
        }
        String first = null;
        for (FieldModel m : fields) {
            Optional<FieldProblem> p = form.problem(m.id());
            m.shown.set(p.orElse(null));
            if (p.isPresent() && first == null) {
                first = m.id();
            }
        }
        counting = true;
        recount();
        firstProblem.set(null); // the same field again is news for the view too
        firstProblem.set(first);
        completed.set(form.complete().orElse(null));
        return completed.get() != null;
    }

    private void recount() {
        if (counting) {
            toFix.set((int) fields.stream().filter(m -> m.shown.get() != null).count());
        }
    }

    private FieldModel model(String fieldId) {
        return fields.stream()
                .filter(m -> m.id().equals(fieldId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + fieldId));
    }

    /** The citizen's words for a problem; the compiler checks that every problem has some. */
    static Msg message(FieldProblem problem) {
        return switch (problem) {
            case REQUIRED -> Msg.FORM_PROBLEM_REQUIRED;
            case TOO_LONG -> Msg.FORM_PROBLEM_TOO_LONG;
            case NAME_CHARACTERS -> Msg.FORM_PROBLEM_NAME_CHARACTERS;
            case ID_NUMBER_LENGTH -> Msg.FORM_PROBLEM_ID_NUMBER_LENGTH;
            case ID_NUMBER_CHARACTERS -> Msg.FORM_PROBLEM_ID_NUMBER_CHARACTERS;
            case ID_NUMBER_BIRTH_DATE -> Msg.FORM_PROBLEM_ID_NUMBER_BIRTH_DATE;
            case ID_NUMBER_CHECK -> Msg.FORM_PROBLEM_ID_NUMBER_CHECK;
            case CREDIT_CODE_LENGTH -> Msg.FORM_PROBLEM_CREDIT_CODE_LENGTH;
            case CREDIT_CODE_CHARACTERS -> Msg.FORM_PROBLEM_CREDIT_CODE_CHARACTERS;
            case CREDIT_CODE_CHECK -> Msg.FORM_PROBLEM_CREDIT_CODE_CHECK;
            case PHONE -> Msg.FORM_PROBLEM_PHONE;
            case DATE_FORMAT -> Msg.FORM_PROBLEM_DATE_FORMAT;
            case DATE_NOT_REAL -> Msg.FORM_PROBLEM_DATE_NOT_REAL;
            case NUMBER -> Msg.FORM_PROBLEM_NUMBER;
            case NOT_A_CHOICE -> Msg.FORM_PROBLEM_NOT_A_CHOICE;
        };
    }

    /** The node id of a choice field's answer button: {@code form-choice-<field id>-<index>}. */
    public static String choiceId(String fieldId, int index) {
        return "form-choice-" + fieldId + "-" + index;
    }

    /** The keyboard each type needs. */
    static KeyboardKind keyboardFor(Catalogue.FieldType type) {
        return switch (type) {
            case ID_NUMBER -> KeyboardKind.ID_NUMBER;
            case PHONE -> KeyboardKind.PHONE;
            case CREDIT_CODE -> KeyboardKind.CREDIT_CODE;
            case DATE, NUMBER -> KeyboardKind.DIGITS;
            case TEXT, NAME, ADDRESS, CHOICE -> KeyboardKind.PINYIN; // an address may be picked too (FormView)
        };
    }

    public ObservableList<FieldModel> fields() {
        return readOnlyFields;
    }

    /** The item's name. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "还有 2 处需要修改…" after next while something is wrong, "" otherwise. */
    public StringBinding summary() {
        return summary;
    }

    /** The first field with a problem after next (the view brings it into sight), null when none. */
    public ReadOnlyObjectProperty<String> firstProblemProperty() {
        return firstProblem.getReadOnlyProperty();
    }

    /** The form to submit, once next found nothing wrong; null before and after any change. */
    public ReadOnlyObjectProperty<FormState.Completed> completedProperty() {
        return completed.getReadOnlyProperty();
    }

    @Override
    public void resetForNextCitizen() {
        if (form != null) {
            form.wipe();
        }
        form = null;
        for (FieldModel m : fields) {
            m.text.set("");
        }
        fields.clear();
        title.set("");
        counting = false;
        toFix.set(0);
        firstProblem.set(null);
        completed.set(null);
        parts.forEach(CitizenState::resetForNextCitizen);
    }
}
