package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.DomainException;
import org.springframework.util.unit.DataSize;

/** {@code IMPORT_TOO_LARGE}: a registry file over {@code identity.recheck.import.max-size}; nothing was imported. */
public class ImportTooLarge extends DomainException {

    public ImportTooLarge(DataSize max) {
        super(Category.TOO_LARGE, "IMPORT_TOO_LARGE", "The file is larger than " + max.toMegabytes()
                + " MB: split the registry into several files.");
    }
}
