package cn.egov.kiosk.ui.keyboard;

import cn.egov.kiosk.input.Candidate;
import cn.egov.kiosk.input.PinyinComposer;
import cn.egov.kiosk.input.PinyinDictionary;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.keyboard.Key.Type;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One on-screen keyboard: which layout it shows, the pinyin being composed and the candidates, and
 * what a key does to the field it types into ({@link KeyboardTarget}). The host attaches it to the
 * focused field with that field's kind and detaches it when no field of its content has the focus.
 * Typing respects the field's maximum length: what does not fit is not typed. The pinyin dictionary
 * loads in the background the first time a pinyin field is attached (or on {@link #preload()});
 * meanwhile letters compose and the candidates come when it has loaded. Entry points run on the UI
 * thread only.
 */
public final class KeyboardViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(KeyboardViewModel.class);

    /** Candidates on a page of the candidate bar. */
    public static final int PAGE_SIZE = 8;

    private final I18n i18n;
    private final TaskRunner tasks;
    private final Callable<PinyinDictionary> dictionary;
    private final BackgroundTask<PinyinDictionary> loading;
    private final PinyinComposer composer = new PinyinComposer(null, PAGE_SIZE);
    private KeyboardTarget target;

    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<KeyboardKind> kind = new ReadOnlyObjectWrapper<>(KeyboardKind.LETTERS);
    private final ReadOnlyObjectWrapper<KeyboardLayout> layout = new ReadOnlyObjectWrapper<>(KeyboardLayout.LETTERS);
    private final ReadOnlyObjectWrapper<Msg> modeKeyLabel = new ReadOnlyObjectWrapper<>(Msg.KEYBOARD_MODE_LETTERS);
    private final ReadOnlyStringWrapper composing = new ReadOnlyStringWrapper("");
    private final ObservableList<String> candidates = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyCandidates = FXCollections.unmodifiableObservableList(candidates);
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dictionaryLoading = new ReadOnlyBooleanWrapper(false);

    /**
     * @param dictionary loads the pinyin dictionary, in the background ({@code
     *     PinyinDictionary::bundled} in the kiosk)
     */
    public KeyboardViewModel(I18n i18n, TaskRunner tasks, Callable<PinyinDictionary> dictionary) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dictionary = dictionary;
        this.loading = new BackgroundTask<>(tasks);
    }

    /** The runner this keyboard works with: the screen's; the other parts of a form (the address picker) use it too. */
    public TaskRunner tasks() {
        return tasks;
    }

    /** Loads the pinyin dictionary now, in the background, if it has not been. */
    public void preload() {
        tasks.checkUiThread();
        if (composer.hasDictionary() || loading.running()) {
            return;
        }
        dictionaryLoading.set(true);
        loading.start(
                dictionary,
                loaded -> {
                    dictionaryLoading.set(false);
                    composer.useDictionary(loaded);
                    refresh();
                },
                error -> {
                    // letters still go in as they are typed; the next pinyin field tries again
                    dictionaryLoading.set(false);
                    log.warn("Could not load the pinyin dictionary: {}", error.toString());
                });
    }

    /** A field of this kind has the focus: the keyboard shows its first layout and types there. */
    public void attach(KeyboardKind fieldKind, KeyboardTarget field) {
        tasks.checkUiThread();
        composer.clear();
        target = field;
        kind.set(fieldKind);
        setLayout(KeyboardLayout.of(fieldKind));
        showing.set(true);
        if (fieldKind == KeyboardKind.PINYIN) {
            preload();
        }
        refresh();
    }

    /** No field has the focus: the keyboard hides; letters still composing are dropped. */
    public void detach() {
        tasks.checkUiThread();
        composer.clear();
        target = null;
        showing.set(false);
        refresh();
    }

    /** Whether the keyboard types into {@code field} now (a host asks before it lets the keyboard go). */
    boolean typesInto(KeyboardTarget field) {
        return field != null && target == field;
    }

    /** A key of the current layout was touched. */
    public void press(Key key) {
        tasks.checkUiThread();
        if (target == null) {
            return;
        }
        switch (key.type()) {
            case CHARACTER -> character(key.text());
            case BACKSPACE -> {
                if (!composer.backspace()) {
                    target.deleteBeforeCaret();
                }
            }
            case CLEAR -> {
                composer.clear();
                target.clear();
            }
            case SPACE -> {
                if (!composer.composing()) {
                    insert(" ");
                } else if (!composer.page().isEmpty()) {
                    insert(composer.choose(0));
                } else {
                    insert(composer.takeLetters());
                }
            }
            case DONE -> {
                insert(composer.takeLetters());
                KeyboardTarget released = target;
                detach();
                released.release();
                return;
            }
            case MODE -> {
                insert(composer.takeLetters());
                setLayout(layout.get().next());
            }
            case GAP -> {}
        }
        refresh();
    }

    /**
     * A character typed on a physical keyboard: typed as the key of the current layout that types it
     * (case folded), and dropped when the layout has none.
     *
     * @return whether a key took it
     */
    public boolean typed(String character) {
        tasks.checkUiThread();
        Key key = " ".equals(character) ? spaceKey() : layout.get().keyFor(character);
        if (key == null || target == null) {
            return false;
        }
        press(key);
        return true;
    }

    private Key spaceKey() {
        return layout.get().has(Type.SPACE) ? Key.function(Type.SPACE, Key.Size.SPACE) : null;
    }

    /** Backspace on a physical keyboard: true when it took back a pinyin letter (else the field's own). */
    public boolean backspaceComposing() {
        tasks.checkUiThread();
        boolean took = composer.backspace();
        refresh();
        return took;
    }

    /** Enter on a physical keyboard: as done. */
    public void done() {
        press(Key.function(Type.DONE, Key.Size.WIDE));
    }

    /** Chooses a candidate of the page shown: it goes into the field, the rest of the pinyin stays. */
    public void choose(int index) {
        tasks.checkUiThread();
        if (target == null || index < 0 || index >= composer.page().size()) {
            return;
        }
        insert(composer.choose(index));
        refresh();
    }

    /**
     * Pages the candidates by the room the candidate bar has: as many as fit in {@code room}, each
     * {@code width} wide with its spacing (at most {@link #PAGE_SIZE}, at least one). Back to the
     * first page.
     */
    public void fitCandidates(double room, ToDoubleFunction<String> width) {
        tasks.checkUiThread();
        composer.fitPages(following -> {
            double used = 0;
            int count = 0;
            for (Candidate c : following) {
                double w = width.applyAsDouble(c.text());
                if ((count > 0 && used + w > room) || count == PAGE_SIZE) {
                    break;
                }
                used += w;
                count++;
            }
            return count;
        });
        refresh();
    }

    public void nextCandidates() {
        tasks.checkUiThread();
        composer.nextPage();
        refresh();
    }

    public void previousCandidates() {
        tasks.checkUiThread();
        composer.previousPage();
        refresh();
    }

    @Override
    public void resetForNextCitizen() {
        tasks.checkUiThread();
        loading.cancel();
        dictionaryLoading.set(false);
        detach();
    }

    private void character(String text) {
        if (layout.get() == KeyboardLayout.PINYIN && text.length() == 1 && composer.type(text.charAt(0))) {
            return;
        }
        insert(text);
    }

    /** Types text at the caret, as much of it as the field's maximum length leaves room for. */
    private void insert(String text) {
        if (text.isEmpty() || target == null) {
            return;
        }
        int max = target.maxLength();
        if (max > 0) {
            int room = max - (target.length() - target.selectionLength());
            if (room <= 0) {
                return;
            }
            if (text.length() > room) {
                int end = room;
                if (Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--; // never half a character
                }
                text = text.substring(0, end);
            }
        }
        if (!text.isEmpty()) {
            target.replaceSelection(text);
        }
    }

    private void setLayout(KeyboardLayout next) {
        layout.set(next);
        modeKeyLabel.set(
                switch (next.next()) {
                    case PINYIN_LETTERS -> Msg.KEYBOARD_MODE_LETTERS;
                    case PINYIN_SYMBOLS -> Msg.KEYBOARD_MODE_SYMBOLS;
                    case TECHNICAL -> Msg.KEYBOARD_MODE_SMALL;
                    case TECHNICAL_CAPITALS -> Msg.KEYBOARD_MODE_CAPITALS;
                    default -> Msg.KEYBOARD_MODE_PINYIN;
                });
    }

    private void refresh() {
        composing.set(composer.letters());
        List<String> page = composer.page().stream().map(Candidate::text).toList();
        if (!page.equals(candidates)) {
            candidates.setAll(page);
        }
        hasPrevious.set(composer.hasPreviousPage());
        hasNext.set(composer.hasNextPage());
    }

    /** Whether the keyboard is up (a field of the host's content has the focus and is not done). */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KeyboardKind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KeyboardLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** What the mode key says: the layout it brings. */
    public ReadOnlyObjectProperty<Msg> modeKeyLabelProperty() {
        return modeKeyLabel.getReadOnlyProperty();
    }

    /** The pinyin letters being composed; empty when none. */
    public ReadOnlyStringProperty composingProperty() {
        return composing.getReadOnlyProperty();
    }

    /** The candidates of the page shown, best first. */
    public ObservableList<String> candidates() {
        return readOnlyCandidates;
    }

    public ReadOnlyBooleanProperty hasPreviousCandidatesProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextCandidatesProperty() {
        return hasNext.getReadOnlyProperty();
    }

    /** True while the pinyin dictionary loads (letters compose; candidates come when it has). */
    public ReadOnlyBooleanProperty dictionaryLoadingProperty() {
        return dictionaryLoading.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }
}
