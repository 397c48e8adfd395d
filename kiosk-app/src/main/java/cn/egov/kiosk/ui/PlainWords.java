package cn.egov.kiosk.ui;

import cn.egov.kiosk.catalogue.Glossary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.text.TextFlow;

/**
 * An official term on screen with the everyday words right after it: 承诺时限（就是最多要等多久）. Older
 * citizens are not used to the official language; the term stays (it is what the hall's staff and
 * the paper say), the plain words follow it in a quieter style ({@code .plain-words}, no smaller
 * than the base size). The words come from the glossary ({@link Glossary#explain}), so a new line in
 * its file changes the screen without a change here.
 */
public final class PlainWords {
    /** The style class of the plain words after a term. */
    public static final String STYLE = "plain-words";

    private PlainWords() {}

    /**
     * A text as a flow of labels: its pieces made by {@code piece} (a label in the text's style,
     * {@code () -> label("item-fact-label")}), each explained term followed by its plain words.
     * Pieces are cut after punctuation and spaces as well, so that a long text breaks between clauses.
     */
    public static TextFlow flow(List<Glossary.Segment> segments, Supplier<Label> piece, I18n i18n) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("plain-flow");
        fill(flow, segments, piece, i18n);
        return flow;
    }

    /** Replaces what a flow shows (the locale changed, or the text). */
    public static void fill(TextFlow flow, List<Glossary.Segment> segments, Supplier<Label> piece, I18n i18n) {
        flow.getChildren().clear();
        for (Glossary.Segment s : segments) {
            // a term stays whole before its plain words; other text may break after a mark or a space
            for (String text : s.plain().isPresent() ? List.of(s.text()) : pieces(s.text())) {
                Label l = piece.get();
                l.setText(text);
                flow.getChildren().add(l);
            }
            s.plain().ifPresent(p -> flow.getChildren().add(words(p, i18n)));
        }
    }

    /** The plain words alone, as they follow a term: （最多要等多久）. */
    public static Label words(String plain, I18n i18n) {
        Label l = new Label(i18n.text(Msg.PLAIN_WORDS, plain));
        l.getStyleClass().add(STYLE);
        return l;
    }

    /** The plain words of every term explained in the segments, one label each. */
    public static List<Label> wordsOf(List<Glossary.Segment> segments, I18n i18n) {
        List<Label> out = new ArrayList<>();
        segments.forEach(s -> s.plain().ifPresent(p -> out.add(words(p, i18n))));
        return out;
    }

    /** A text cut after each punctuation mark and space, where a line may break. */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || "，。、；：,.;:".indexOf(c) >= 0) {
                out.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }
}
