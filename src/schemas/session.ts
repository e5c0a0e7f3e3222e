import { z } from "zod";
import { dateTimeField, idField, priceField } from "./fields.ts";

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
  })
  .superRefine((session, context) => {
    if (session.end <= session.start) {
      context.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
    }
    if (session.enrolled > session.seats) {
      context.addIssue({ code: "custom", path: ["enrolled"], message: `is ${session.enrolled} but only ${session.seats} seats are offered` });
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
