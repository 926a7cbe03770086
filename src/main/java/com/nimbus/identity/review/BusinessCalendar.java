package com.nimbus.identity.review;

import com.nimbus.identity.vocabulary.ProcessBean;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * R5: review due dates in business days, skipping weekends and the configured holidays
 * ({@code identity.review.holidays}, ISO dates). Used by the models as
 * {@code ${businessCalendar.addBusinessDays(now(), 3)}}.
 */
@ProcessBean
@Component("businessCalendar")
public class BusinessCalendar {

    private final Set<LocalDate> holidays;
    private final ZoneId zone;

    public BusinessCalendar(List<LocalDate> holidays, ZoneId zone) {
        this.holidays = Set.copyOf(holidays);
        this.zone = zone;
    }

    /** From {@code identity.review.holidays} and {@code identity.review.zone}. */
    @Autowired
    public BusinessCalendar(ReviewProperties properties) {
        this(properties.holidays(), properties.zone());
    }

    public Date addBusinessDays(Date from, int days) {
        ZonedDateTime at = from.toInstant().atZone(zone);
        int added = 0;
        while (added < days) {
            at = at.plusDays(1);
            if (isBusinessDay(at.toLocalDate())) {
                added++;
            }
        }
        return Date.from(at.toInstant());
    }

    public boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }
}
