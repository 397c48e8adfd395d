/**
 * 语音播报: what the kiosk says aloud. {@link cn.egov.kiosk.ui.voice.Prompts} names the instruction
 * or outcome of every step of every screen (the compiler checks each step has one);
 * {@link cn.egov.kiosk.ui.voice.Guidance} speaks it when the step is reached on the screen shown,
 * in the screen's language, when the voice is on (by default in elderly mode); the sound panel turns
 * it on or off and sets the volume. Speech itself (the engine, the cache, the audio line) is the
 * {@code speech} package's, behind {@link cn.egov.kiosk.ui.voice.VoiceOut}. Nothing personal is ever
 * spoken: the prompts are fixed texts.
 */
package cn.egov.kiosk.ui.voice;
