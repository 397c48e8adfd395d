package cn.egov.kiosk.input;

/**
 * A word or character the candidate bar offers for typed pinyin.
 *
 * @param text the word
 * @param consumed how many of the typed letters it stands for, from the first: choosing it leaves
 *     the rest composing
 * @param abbreviated how many of its syllables were matched by an initial or an unfinished
 *     syllable rather than typed in full ({@code sfz} → 身份证: 3)
 * @param weight its frequency in the dictionary (higher is more common)
 */
public record Candidate(String text, int consumed, int abbreviated, int weight) {}
