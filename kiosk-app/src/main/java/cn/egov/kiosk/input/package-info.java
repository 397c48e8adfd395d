/**
 * Typing Chinese on the kiosk's own keyboard, as pure logic (no JavaFX): the bundled pinyin
 * dictionary ({@link cn.egov.kiosk.input.PinyinDictionary}, from Debian's rime-data-pinyin-simp,
 * Apache-2.0) and the composer that turns typed letters into candidates and chosen words ({@link
 * cn.egov.kiosk.input.PinyinComposer}). The keyboards themselves are {@code ui.keyboard}.
 */
package cn.egov.kiosk.input;
