package com.nimbus.identity.models;

import com.nimbus.identity.vocabulary.DomainException;
import java.util.Map;

/** {@code PROCESS_NOT_FOUND}: no process with this key is deployed. */
public class ProcessNotFound extends DomainException {

    public ProcessNotFound(String processDefinitionKey) {
        super(Category.NOT_FOUND, "PROCESS_NOT_FOUND", "No process with the key " + processDefinitionKey + " is deployed.",
                Map.of("processDefinitionKey", String.valueOf(processDefinitionKey)));
    }
}
