package com.nimbus.identity.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationRepository extends JpaRepository<VerificationApplication, String> {

    List<VerificationApplication> findByAccountIdOrderBySubmittedAtDesc(String accountId);

    Optional<VerificationApplication> findByIdAndAccountId(String id, String accountId);

    Optional<VerificationApplication> findByPendingAccountId(String accountId);
}
