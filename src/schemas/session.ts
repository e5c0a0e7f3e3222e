import { z } from "zod";
import { dateOnlyField, dateTimeField, idField, priceField, textField } from "./fields.ts";
import { policyOverridesField } from "./policy.ts";

/** Where a class is taught. */
export const sessionModes = ["classroom", "online", "onsite"] as const;
/** Whether a class goes ahead. */
export const sessionStatuses = ["scheduled", "cancelled", "postponed"] as const;

/** One entry of `_data/schedule.yaml`: a dated class of a course. */
export const sessionSchema = z
  .strictObject({
    /** Stable and unique: the calendar UID and the registration key. Never reuse or rename it. */
    id: idField,
    /** A course id. */
    course: idField,
    /** First day's start, a quoted local date-time in the site's zone, e.g. "2026-12-07T09:00". */
    start: dateTimeField,
    /** Last day's end, a quoted local date-time in the site's zone. */
    end: dateTimeField,
    /** classroom (at one of our locations), online (live, instructor-led) or onsite (at a client). */
    mode: z.enum(sessionModes),
    /** A `_data/locations.yaml` id; required for classroom sessions. */
    location: idField.optional(),
    /** An `_data/instructors.yaml` id. */
    instructor: idField,
    /** Seats offered. */
    seats: z.number().int().min(1),
    /** Seats taken. */
    enrolled: z.number().int().min(0).default(0),
    /** scheduled, cancelled or postponed. */
    status: z.enum(sessionStatuses).default("scheduled"),
    /** The firm has committed to run the class whatever the enrolment. */
    guaranteedToRun: z.boolean().default(false),
    /** A price for this session that differs from the course's list price. */
    priceUSD: priceField.optional(),
    /** Why the price differs from the course's list price, shown beside it ("Online discount"); required when it does. */
    priceNote: textField.max(60, "must be at most 60 characters").optional(),
    /**
     * The days the class meets, each with its own hours (a half day, a skipped holiday, a Saturday). Leave it out
     * for the usual rule: every weekday from the first to the last day, at the first day's hours.
     */
    meetings: z.array(z.strictObject({ start: dateTimeField, end: dateTimeField })).min(1).optional(),
    /** The first day's start before the class was moved; keeps the id, so calendars update the same event. */
    previousStart: dateTimeField.optional(),
    /** When registration closes, a quoted local date-time; defaults to the start. */
    registrationCloses: dateTimeField.optional(),
    /** A lower price for registrations before `until`. */
    earlyBird: z.strictObject({ priceUSD: priceField, until: dateTimeField }).optional(),
    /** The date by which the firm confirms or cancels the class: until then, students should not book travel. */
    confirmBy: dateTimeField.optional(),
    /** The day the class was put on the schedule, e.g. "2026-11-20": the "newly added classes" feed lists the latest by it; without it a class stays out of that feed. */
    added: dateOnlyField.optional(),
    /** Clause id -> Markdown replacing that clause of the policies for this class only. */
    policies: policyOverridesField,
    /** `true` keeps the class off the published site (schedule, calendars, feeds); `npm start` and previews show it marked "Draft". Remove it to publish. */
    draft: z.boolean().default(false),
  })
  .superRefine((session, context) => {
    if (session.end <= session.start) {
      context.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
    }
    if (session.enrolled > session.seats) {
      context.addIssue({ code: "custom", path: ["enrolled"], message: `is ${session.enrolled} but only ${session.seats} seats are offered` });
    }
    session.meetings?.forEach((meeting, index) => {
      if (meeting.end <= meeting.start) context.addIssue({ code: "custom", path: ["meetings", index, "end"], message: "must be after its start" });
      else if (!meeting.start.hasSame(meeting.end, "day")) context.addIssue({ code: "custom", path: ["meetings", index, "end"], message: "must be on the same day as its start" });
      if (meeting.start < session.start.startOf("day") || meeting.end > session.end.endOf("day")) {
        context.addIssue({ code: "custom", path: ["meetings", index, "start"], message: "must fall between the session's start and end days" });
      }
      const previous = session.meetings?.[index - 1];
      if (previous && meeting.start < previous.end) context.addIssue({ code: "custom", path: ["meetings", index, "start"], message: "must come after the meeting before it" });
    });
    if (session.previousStart && session.previousStart.equals(session.start)) {
      context.addIssue({ code: "custom", path: ["previousStart"], message: "is the same as start: give the start the class had before it moved" });
    }
    if (session.registrationCloses && session.registrationCloses > session.end) {
      context.addIssue({ code: "custom", path: ["registrationCloses"], message: "must not be after the class ends" });
    }
    if (session.earlyBird && session.earlyBird.until > session.start) {
      context.addIssue({ code: "custom", path: ["earlyBird", "until"], message: "must not be after the class starts" });
    }
    if (session.confirmBy && session.confirmBy > session.start) {
      context.addIssue({ code: "custom", path: ["confirmBy"], message: "must not be after the class starts" });
    }
    if (session.mode === "classroom" && !session.location) {
      context.addIssue({ code: "custom", path: ["location"], message: "is required for a classroom session" });
    }
  });

/** A session mode. */
export type SessionMode = (typeof sessionModes)[number];
/** A session status. */
export type SessionStatus = (typeof sessionStatuses)[number];
/** A validated class session. */
export type Session = z.output<typeof sessionSchema>;
