package com.nimbus.identity.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.vocabulary.ReasonCode;
import org.junit.jupiter.api.Test;

class RegisteredDataTest {

    @Test
    void namesAndAddressesAreComparedWithoutCaseSpacingPunctuationOrWidth() {
        assertThat(RegisteredData.matches("Nimbus Cloud Co., Ltd.", "NIMBUS  CLOUD CO LTD")).isTrue();
        assertThat(RegisteredData.matches("北京云科技有限公司（朝阳）", "北京云科技有限公司 (朝阳)")).isTrue();
        assertThat(RegisteredData.matches("ＮＩＭＢＵＳ Ｌｔｄ．", "Nimbus Ltd")).isTrue();
        assertThat(RegisteredData.matches("No. 1 Jianguo Road,\tChaoyang", "no 1 jianguo road chaoyang")).isTrue();
        assertThat(RegisteredData.matches("Nimbus Cloud Ltd.", "Nimbus Clouds Ltd.")).isFalse();
        assertThat(RegisteredData.matches("1 Jianguo Road", "2 Jianguo Road")).isFalse();
        assertThat(RegisteredData.matches("Nimbus", "")).isFalse();
    }

    @Test
    void theReasonFollowsTheRegistrysAnswer() {
        String name = "Nimbus Cloud Ltd.";
        String address = "1 Jianguo Road";
        assertThat(RegisteredData.revocationReason(name, address,
                RegistryAnswer.found("NIMBUS CLOUD LTD", "1, Jianguo Road", EnterpriseStatus.ACTIVE))).isEmpty();
        assertThat(RegisteredData.revocationReason(name, address, RegistryAnswer.notFound()))
                .contains(ReasonCode.ENTERPRISE_NOT_FOUND);
        assertThat(RegisteredData.revocationReason(name, address,
                RegistryAnswer.found(name, address, EnterpriseStatus.DISSOLVED))).contains(ReasonCode.ENTERPRISE_DISSOLVED);
        // dissolved wins over data that no longer matches
        assertThat(RegisteredData.revocationReason(name, address,
                RegistryAnswer.found("Other Ltd.", address, EnterpriseStatus.DISSOLVED))).contains(ReasonCode.ENTERPRISE_DISSOLVED);
        assertThat(RegisteredData.revocationReason(name, address,
                RegistryAnswer.found("Other Ltd.", address, EnterpriseStatus.ACTIVE))).contains(ReasonCode.ENTERPRISE_DATA_MISMATCH);
        assertThat(RegisteredData.revocationReason(name, address,
                RegistryAnswer.found(name, "9 Other Road", EnterpriseStatus.ACTIVE))).contains(ReasonCode.ENTERPRISE_DATA_MISMATCH);
    }
}
