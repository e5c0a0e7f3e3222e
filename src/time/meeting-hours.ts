import type { DateTime } from "luxon";
import { memoByInstant } from "./instant-memo.ts";
import { zoneAbbreviation } from "./zone-abbreviation.ts";
import { SITE_TIME_ZONE } from "./zone.ts";

/** One day a class meets: its start and end on that day. */
export interface MeetingTimes {
  start: DateTime<true>;
  end: DateTime<true>;
}

const DASH = " \u2013 ";
const MINUS = "\u2212";
const local = (value: DateTime) => value.setZone(SITE_TIME_ZONE).setLocale("en-US");
// Every label is of one instant in the site's zone, and each meeting's instants are asked for several times
// (the hours, the zone runs, the offsets): worked out once per instant.
const clock = memoByInstant((value) => local(value).toFormat("h:mm a"));
const day = memoByInstant((value) => local(value).toFormat("ccc d LLL"));
const zone = memoByInstant(zoneAbbreviation);
const fullDate = memoByInstant((value) => local(value).toFormat("ccc d LLL yyyy"));

/** "9:00 AM – 4:30 PM MST": one meeting's hours with the zone in force that day. */
export function meetingHours(meeting: MeetingTimes): string {
  return `${clock(meeting.start)}${DASH}${clock(meeting.end)} ${zone(meeting.start)}`;
}

/**
 * A class's hours said once: "9:00 AM – 4:30 PM MST" when every day has the same hours and zone;
 * "9:00 AM – 4:30 PM each day: MST on Fri 12 Mar, MDT from Mon 15 Mar" when a daylight-saving change falls
 * inside the class (the wall-clock hours stay, the zone changes); "Hours vary by day" when they differ, and
 * the page then lists each meeting.
 */
export function dailyHours(meetings: readonly MeetingTimes[]): string {
  const first = meetings[0];
  if (!first) return "";
  const hours = `${clock(first.start)}${DASH}${clock(first.end)}`;
  if (meetings.some((meeting) => `${clock(meeting.start)}${DASH}${clock(meeting.end)}` !== hours)) return "Hours vary by day";
  const runs: { zone: string; days: MeetingTimes[] }[] = [];
  for (const meeting of meetings) {
    const last = runs[runs.length - 1];
    if (last && last.zone === zone(meeting.start)) last.days.push(meeting);
    else runs.push({ zone: zone(meeting.start), days: [meeting] });
  }
  if (runs.length === 1) return `${hours} ${runs[0]!.zone}`;
  const parts = runs.map((run, index) => {
    if (index > 0) return `${run.zone} from ${day(run.days[0]!.start)}`;
    return run.days.length === 1 ? `${run.zone} on ${day(run.days[0]!.start)}` : `${run.zone} to ${day(run.days[run.days.length - 1]!.start)}`;
  });
  return `${hours} each day: ${parts.join(", ")}`;
}

/** "UTC−7" (with a true minus sign), the offset of the site's zone at `at`. */
export const utcOffsetLabel = memoByInstant((at: DateTime): string => {
  const minutes = local(at).offset;
  const sign = minutes < 0 ? MINUS : "+";
  const whole = Math.abs(minutes);
  return `UTC${sign}${Math.floor(whole / 60)}${whole % 60 ? `:${String(whole % 60).padStart(2, "0")}` : ""}`;
});

/**
 * The zone named for a reader without JavaScript: "Mountain Time, UTC−7", or
 * "Mountain Time, UTC−7 on Fri 12 Mar, UTC−6 from Mon 15 Mar" across a daylight-saving change.
 */
export function zoneLabel(meetings: readonly MeetingTimes[]): string {
  const first = meetings[0];
  if (!first) return "Mountain Time";
  const change = meetings.find((meeting) => utcOffsetLabel(meeting.start) !== utcOffsetLabel(first.start));
  if (!change) return `Mountain Time, ${utcOffsetLabel(first.start)}`;
  return `Mountain Time, ${utcOffsetLabel(first.start)} on ${day(first.start)}, ${utcOffsetLabel(change.start)} from ${day(change.start)}`;
}

/** "Fri 12 Mar 2027", the date of one meeting. */
export function meetingDate(meeting: MeetingTimes): string {
  return fullDate(meeting.start);
}
