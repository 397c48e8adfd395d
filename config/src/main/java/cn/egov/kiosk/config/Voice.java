package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Types;
import java.util.List;

/**
 * The {@code voice} section: spoken guidance (语音播报).
 *
 * @param onByDefault whether every citizen starts with the voice on; when false it is on in elderly
 *     mode only (citizens can turn it on or off in either case)
 * @param volume the volume each session starts at, {@value #MIN_VOLUME} to {@value #MAX_VOLUME}
 */
public record Voice(boolean onByDefault, int volume) {
    public static final int MIN_VOLUME = 1;
    public static final int MAX_VOLUME = 5;
    public static final int DEFAULT_VOLUME = 3;

    public static final Key<Boolean> ON_BY_DEFAULT = Key.optional("onByDefault", Types.bool(), false)
            .doc(
                    "true：每位市民开始时语音播报都开着；false：只在适老化模式下开着。市民都可以在“声音”里开关",
                    "true: every citizen starts with the voice on; false: on in elderly mode only. Citizens can switch it either way");

    public static final Key<Integer> VOLUME = Key.optional(
                    "volume", Types.wholeNumber(MIN_VOLUME, MAX_VOLUME), DEFAULT_VOLUME)
            .doc("每次会话开始时的音量，1–5", "The volume every session starts at, 1 to 5");

    /** The {@code voice} section. */
    public static final ObjectSchema<Voice> SCHEMA = ObjectSchema.of(
            "a mapping", List.of(ON_BY_DEFAULT, VOLUME), v -> new Voice(v.get(ON_BY_DEFAULT), v.get(VOLUME)));

    /** What an omitted {@code voice} section means. */
    public static final Voice DEFAULTS = new Voice(false, DEFAULT_VOLUME);

    public Voice {
        if (volume < MIN_VOLUME || volume > MAX_VOLUME) {
            throw new IllegalArgumentException("voice.volume out of range: " + volume);
        }
    }
}
