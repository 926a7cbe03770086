package com.nimbus.identity.application;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<VerificationApplication, String> {

    /**
     * Reads the application with a row lock until the transaction ends: decisions and withdrawals of one
     * application are taken one at a time, and the later one sees the earlier one's outcome.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from VerificationApplication a where a.id = :id")
    Optional<VerificationApplication> findForUpdate(String id);

    List<VerificationApplication> findByAccountIdOrderBySubmittedAtDesc(String accountId);

    Optional<VerificationApplication> findByIdAndAccountId(String id, String accountId);

    Optional<VerificationApplication> findByPendingAccountId(String accountId);

    /** The account's most recently decided application with {@code status}. */
    Optional<VerificationApplication> findFirstByAccountIdAndStatusOrderByDecidedAtDesc(String accountId,
                                                                                       ApplicationStatus status);
}
