package io.switchboard.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.TriggerUtils;
import org.quartz.spi.OperableTrigger;

import io.switchboard.flows.trigger.FlowSchedules;

/** Cron slots are wall-clock times in the flow's zone, so their UTC instants move when the clocks change. */
class CronScheduleTest {

    static List<Instant> next(CronTrigger trigger, int count) {
        return TriggerUtils.computeFireTimes((OperableTrigger) trigger, null, count).stream().map(Date::toInstant).toList();
    }

    @Test
    void dailyAtEight_paris_springForward_staysAtEightLocal() {
        CronTrigger trigger = FlowSchedules.cronTrigger("f", "0 0 8 * * ?", "Europe/Paris",
                Instant.parse("2026-03-27T12:00:00Z"));

        assertEquals(List.of(Instant.parse("2026-03-28T07:00:00Z"), Instant.parse("2026-03-29T06:00:00Z"),
                Instant.parse("2026-03-30T06:00:00Z")), next(trigger, 3));
    }

    @Test
    void dailyAtEight_paris_fallBack_staysAtEightLocal() {
        CronTrigger trigger = FlowSchedules.cronTrigger("f", "0 0 8 * * ?", "Europe/Paris",
                Instant.parse("2026-10-23T12:00:00Z"));

        assertEquals(List.of(Instant.parse("2026-10-24T06:00:00Z"), Instant.parse("2026-10-25T07:00:00Z"),
                Instant.parse("2026-10-26T07:00:00Z")), next(trigger, 3));
    }

    @Test
    void weekdaysAtNine_newYork_acrossItsOwnChange() {
        CronTrigger trigger = FlowSchedules.cronTrigger("f", "0 0 9 ? * MON-FRI", "America/New_York",
                Instant.parse("2026-03-06T00:00:00Z"));

        assertEquals(List.of(Instant.parse("2026-03-06T14:00:00Z"), Instant.parse("2026-03-09T13:00:00Z"),
                Instant.parse("2026-03-10T13:00:00Z")), next(trigger, 3));
    }

    @Test
    void missedSlots_fireOnceNowThenTheScheduleGoesOn() {
        CronTrigger trigger = FlowSchedules.cronTrigger("f", "0 0 8 * * ?", "Europe/Paris",
                Instant.parse("2026-03-27T12:00:00Z"));

        assertEquals(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW, trigger.getMisfireInstruction());
        assertEquals("Europe/Paris", trigger.getTimeZone().getID());
        assertEquals(Date.from(Instant.parse("2026-03-27T12:00:00Z")), trigger.getStartTime());
    }
}
