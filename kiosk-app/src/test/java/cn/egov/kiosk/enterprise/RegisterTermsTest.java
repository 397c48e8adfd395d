package cn.egov.kiosk.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.enterprise.RegisterTerms.Role;
import cn.egov.kiosk.enterprise.RegisterTerms.Status;
import org.junit.jupiter.api.Test;

/** The register's words by what they mean for whoever deals with the entity. */
class RegisterTermsTest {

    @Test
    void statusWordsOfTheNationalRegister() {
        assertThat(RegisterTerms.status("存续")).isEqualTo(Status.ACTIVE);
        assertThat(RegisterTerms.status("存续（在营、开业、在册）")).isEqualTo(Status.ACTIVE);
        assertThat(RegisterTerms.status("在业")).isEqualTo(Status.ACTIVE);
        assertThat(RegisterTerms.status("注销")).isEqualTo(Status.DEREGISTERED);
        assertThat(RegisterTerms.status("吊销，未注销")).isEqualTo(Status.REVOKED);
        assertThat(RegisterTerms.status("迁出")).isEqualTo(Status.MOVED_OUT);
        assertThat(RegisterTerms.status("歇业")).isEqualTo(Status.SUSPENDED);
        assertThat(RegisterTerms.status("清算中")).isEqualTo(Status.OTHER);
        assertThat(RegisterTerms.status(null)).isEqualTo(Status.OTHER);
        assertThat(Status.ACTIVE.active()).isTrue();
        assertThat(Status.REVOKED.active()).isFalse();
        assertThat(Status.OTHER.active()).isFalse();
    }

    @Test
    void theRepresentativeIsCalledWhatTheTypeCallsIt() {
        assertThat(RegisterTerms.role("有限责任公司")).isEqualTo(Role.LEGAL_REPRESENTATIVE);
        assertThat(RegisterTerms.role("股份有限公司")).isEqualTo(Role.LEGAL_REPRESENTATIVE);
        assertThat(RegisterTerms.role("农民专业合作社")).isEqualTo(Role.LEGAL_REPRESENTATIVE);
        assertThat(RegisterTerms.role("个体工商户")).isEqualTo(Role.OPERATOR);
        assertThat(RegisterTerms.role("合伙企业")).isEqualTo(Role.MANAGING_PARTNER);
        assertThat(RegisterTerms.role("个人独资企业")).isEqualTo(Role.INVESTOR);
        assertThat(RegisterTerms.role(null)).isEqualTo(Role.LEGAL_REPRESENTATIVE);
    }
}
