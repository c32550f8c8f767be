package io.switchboard.agent.offline;

/** A recurring trigger: a Quartz cron expression (seconds first) and the IANA zone it fires in. */
public record Schedule(String cron, String timezone) {
}
