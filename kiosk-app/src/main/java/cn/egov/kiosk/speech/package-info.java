/**
 * The kiosk's spoken prompts (语音播报), offline: {@link cn.egov.kiosk.speech.SpeechEngine} turns a
 * text into a WAV ({@link cn.egov.kiosk.speech.EspeakNgEngine}: the espeak-ng binary, Chinese as
 * tone-numbered pinyin from {@link cn.egov.kiosk.speech.TonePinyin}), {@link
 * cn.egov.kiosk.speech.PromptCache} keeps the fixed prompts' audio in the data folder, and {@link
 * cn.egov.kiosk.speech.Speaker} is what the screens call: one background thread synthesises and
 * plays, a new utterance interrupts the one playing, volume and mute, and a kiosk without the
 * engine or a sound card stays silent and says why. No JavaFX here.
 */
package cn.egov.kiosk.speech;
