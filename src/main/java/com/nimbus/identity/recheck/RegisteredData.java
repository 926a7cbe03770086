package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ReasonCode;
import com.nimbus.identity.vocabulary.TextNormaliser;
import java.util.Optional;

/**
 * R9: how a verified enterprise's data is compared with the registry's. Names and addresses are compared as
 * {@link TextNormaliser} compares them, so that the registry's spelling of the same data never revokes anything
 * ("Nimbus Cloud Co., Ltd." equals "NIMBUS CLOUD CO LTD"; "（北京）" equals "(北京)").
 */
final class RegisteredData {

    private RegisteredData() {
    }

    static boolean matches(String verified, String registered) {
        return TextNormaliser.same(verified, registered);
    }

    /**
     * Why the verification must be revoked, or empty when the registry confirms it: not found, then dissolved,
     * then a name or registered address that no longer matches.
     */
    static Optional<ReasonCode> revocationReason(String verifiedName, String verifiedAddress, RegistryAnswer answer) {
        if (!(answer instanceof RegistryAnswer.Found found)) {
            return Optional.of(ReasonCode.ENTERPRISE_NOT_FOUND);
        }
        if (found.status() == EnterpriseStatus.DISSOLVED) {
            return Optional.of(ReasonCode.ENTERPRISE_DISSOLVED);
        }
        if (!matches(verifiedName, found.name()) || !matches(verifiedAddress, found.registeredAddress())) {
            return Optional.of(ReasonCode.ENTERPRISE_DATA_MISMATCH);
        }
        return Optional.empty();
    }
}
