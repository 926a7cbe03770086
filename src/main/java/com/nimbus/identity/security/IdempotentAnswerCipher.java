package com.nimbus.identity.security;

import com.nimbus.identity.web.StoredAnswerCipher;
import org.springframework.stereotype.Component;

/** The answers kept for {@code Idempotency-Key} replays, encrypted at rest like every other piece of identity data. */
@Component
class IdempotentAnswerCipher implements StoredAnswerCipher {

    private final FieldCipher cipher;

    IdempotentAnswerCipher(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public byte[] seal(byte[] answer) {
        return cipher.encrypt(answer);
    }

    @Override
    public byte[] open(byte[] sealed) {
        return cipher.decrypt(sealed);
    }
}
