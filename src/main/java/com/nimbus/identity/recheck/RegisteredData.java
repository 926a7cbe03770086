package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ReasonCode;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * R9: how a verified enterprise's data is compared with the registry's. Names and addresses are compared
 * after normalisation, so that the registry's spelling of the same data never revokes anything: NFKC
 * (full-width to half-width, compatibility forms folded), lower case, and every whitespace and punctuation
 * character removed ("Nimbus Cloud Co., Ltd." equals "NIMBUS CLOUD CO LTD"; "（北京）" equals "(北京)").
 */
final class RegisteredData {

    private RegisteredData() {
    }

    /** The form names and addresses are compared in. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isPunctuation(c)
                        && !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    static boolean matches(String verified, String registered) {
        return normalise(verified).equals(normalise(registered));
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

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
