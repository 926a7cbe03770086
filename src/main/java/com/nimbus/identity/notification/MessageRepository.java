package com.nimbus.identity.notification;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MessageRepository extends JpaRepository<Message, String> {

    Page<Message> findByAccountIdOrderByCreatedAtDescIdDesc(String accountId, Pageable page);

    Optional<Message> findByIdAndAccountId(String id, String accountId);
}
