package cn.egov.kiosk.device.smartcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.smartcard.vpcd.VirtualSocialSecurityCard;
import cn.egov.kiosk.device.smartcard.vpcd.VirtualSocialSecurityCard.HolderAccess;
import org.junit.jupiter.api.Test;

class SmartCardTypeTest {

    @Test
    void socialSecurityCardsAnswerSelectOfTheSsse() throws DeviceException {
        assertThat(SmartCardType.identify(ResponderReader.with(VirtualSocialSecurityCard.secondGeneration())))
                .isEqualTo(SmartCardType.SOCIAL_SECURITY_CARD);
        assertThat(SmartCardType.identify(
                        ResponderReader.with(VirtualSocialSecurityCard.thirdGeneration(HolderAccess.EMPTY))))
                .isEqualTo(SmartCardType.SOCIAL_SECURITY_CARD);
    }

    @Test
    void bankCardsAnswerSelectOfAPbocApplication() throws DeviceException {
        assertThat(SmartCardType.identify(ResponderReader.with(TestCards.bankCard())))
                .isEqualTo(SmartCardType.BANK_CARD);
    }

    @Test
    void otherCardsAreUnknown() throws DeviceException {
        assertThat(SmartCardType.identify(ResponderReader.with(TestCards.unknownCard())))
                .isEqualTo(SmartCardType.UNKNOWN);
        // not sent any APDU: its ATR is not an ISO 7816 processor card's
        assertThat(SmartCardType.identify(ResponderReader.with(TestCards.memoryCard())))
                .isEqualTo(SmartCardType.UNKNOWN);
    }

    @Test
    void withoutACardThereIsNothingToIdentify() throws DeviceException {
        ResponderReader empty = ResponderReader.with(null);

        assertThatThrownBy(() -> SmartCardType.identify(empty))
                .isInstanceOf(DeviceException.class)
                .satisfies(e -> assertThat(((DeviceException) e).extendedCode()).isEqualTo("NO_CARD"));
    }
}
