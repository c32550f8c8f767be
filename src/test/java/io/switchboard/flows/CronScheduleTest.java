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

    @Test
    void dailyInTheRepeatedHour_paris_fallBack_firesOnceThatNight() {
        CronTrigger trigger = FlowSchedules.cronTrigger("f", "0 30 2 * * ?", "Europe/Paris",
                Instant.parse("2026-10-23T12:00:00Z"));

        // 02:30 happens twice on 25 October (CEST, then CET): the slot fires once, never twice
        assertEquals(List.of(Instant.parse("2026-10-24T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"),
                Instant.parse("2026-10-26T01:30:00Z")), next(trigger, 3));
    }

    @Test
    void stepping_aClockThroughTheChange_givesOneSlotKeyPerLocalMorning() {
        CronTrigger trigger = FlowSchedules.cronTrigger("f", "0 0 8 * * ?", "Europe/Paris",
                Instant.parse("2026-03-28T00:00:00Z"));
        Instant clock = Instant.parse("2026-03-28T00:00:00Z");
        List<String> keys = new java.util.ArrayList<>();
        // a clock moved forward an hour at a time for three days: each slot is keyed once
        for (int hour = 0; hour < 72; hour++, clock = clock.plusSeconds(3600)) {
            Date next = trigger.getFireTimeAfter(Date.from(clock));
            String key = io.switchboard.flows.trigger.ScheduledRunJob.key("f", next.toInstant());
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }

        assertEquals(List.of("f:schedule:2026-03-28T07:00:00Z", "f:schedule:2026-03-29T06:00:00Z",
                "f:schedule:2026-03-30T06:00:00Z", "f:schedule:2026-03-31T06:00:00Z"), keys);
    }

    @Test
    void dailyInTheMissingHour_paris_springForward_runsWhenTheDayReachesIt() {
        Instant from = Instant.parse("2026-03-27T12:00:00Z");
        CronTrigger trigger = FlowSchedules.cronTrigger("f", "0 30 2 * * ?", "Europe/Paris", from);

        // Quartz alone skips 29 March, when 02:30 does not exist in Paris
        assertEquals(List.of(Instant.parse("2026-03-28T01:30:00Z"), Instant.parse("2026-03-30T00:30:00Z")),
                next(trigger, 2));
        // so that day gets a slot of its own, at 03:30 local
        assertEquals(List.of(Instant.parse("2026-03-29T01:30:00Z")),
                FlowSchedules.gapSlots("f", "0 30 2 * * ?", "Europe/Paris", from, Instant.parse("2026-04-05T00:00:00Z")));
    }

    @Test
    void gapSlots_onlyWhereTheZonesOwnScheduleSkips() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2027-01-01T00:00:00Z");

        assertEquals(List.of(), FlowSchedules.gapSlots("f", "0 0 8 * * ?", "Europe/Paris", from, to));
        assertEquals(List.of(), FlowSchedules.gapSlots("f", "0 30 * * * ?", "Europe/Paris", from, to));
        assertEquals(List.of(), FlowSchedules.gapSlots("f", "0 30 2 * * ?", "UTC", from, to));
        assertEquals(List.of(Instant.parse("2026-03-08T07:15:00Z")),
                FlowSchedules.gapSlots("f", "0 15 2 ? * SUN", "America/New_York", from, to));
    }
}
