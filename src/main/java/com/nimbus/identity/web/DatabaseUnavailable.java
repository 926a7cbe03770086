package com.nimbus.identity.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database being out of reach (down, restarting, the pool's connections gone): such a request
 * is answered 503 {@code SERVICE_UNAVAILABLE}, to be retried, not 500. Read through the whole chain of causes, since the
 * engine, JPA and JDBC each wrap it their own way.
 */
final class DatabaseUnavailable {

    static final String DETAIL = "The service cannot reach its database just now; nothing was changed. Try again shortly.";

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    // a rollback or commit that failed at the connection: the database went away within the request
                    || t instanceof TransactionSystemException || t instanceof org.hibernate.TransactionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                    // PostgreSQL: administrator shutdown, crash shutdown, cannot connect now
                    || sql.getSQLState().equals("57P01") || sql.getSQLState().equals("57P02")
                    || sql.getSQLState().equals("57P03"))) {
                return true;
            }
        }
        return false;
    }
}
