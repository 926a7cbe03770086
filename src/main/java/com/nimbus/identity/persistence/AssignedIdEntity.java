package com.nimbus.identity.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id is assigned in its constructor. It is new until stored or once read, so that saving a new one
 * inserts it at once instead of first asking the database whether the id exists (a merge).
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<String> {

    @Transient
    private boolean isNew = true;

    @PostLoad
    @PostPersist
    void stored() {
        this.isNew = false;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }
}
