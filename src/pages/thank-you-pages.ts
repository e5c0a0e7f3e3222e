import { SITE_PATHS } from "../urls/site-urls.ts";

/**
 * A page a form sends the visitor to once Netlify has taken it: what was received, what happens next and a way
 * back. The six differ only in these words, so one template (content/pages/thanks.njk) writes them all.
 */
export interface ThankYouPage {
  /** Its URL, from src/urls/site-urls.ts: each form's action names it there. */
  url: string;
  /** The browser tab's title. */
  title: string;
  description: string;
  heading: string;
  lede: string;
  /** Words that end the lede with the firm's phone number, for pages where a visitor may want to call. */
  call?: string;
  back: { label: string; url: string };
}

/** Every thank-you page, once. */
export const THANK_YOU_PAGES: readonly ThankYouPage[] = [
  {
    url: SITE_PATHS.thanksContact,
    title: "Message sent",
    description: "Thank you for contacting Hartmann Software Group. We answer every message within one business day.",
    heading: "Thank you: your message is on its way",
    lede: "We answer every message within one business day.",
    call: "For anything urgent, call us at",
    back: { label: "Back to the home page", url: SITE_PATHS.home },
  },
  {
    url: SITE_PATHS.thanksEnquiry,
    title: "Request received",
    description: "Thank you for your private training request. We will reply with dates and a quote within one business day.",
    heading: "Thank you: we have your request",
    lede: "An instructor or our training coordinator will reply within one business day to talk about your team, then send dates and a quote.",
    back: { label: "Back to the course directory", url: SITE_PATHS.courses },
  },
  {
    url: SITE_PATHS.thanksClassEnquiry,
    title: "Price request received",
    description: "Thank you for asking about a class. We will reply with a price within one business day.",
    heading: "Thank you: we will send you a price",
    lede: "Our training coordinator will reply within one business day with the price for the seats you asked about. We hold them for you until then.",
    back: { label: "Back to the class schedule", url: SITE_PATHS.schedule },
  },
  {
    url: SITE_PATHS.thanksInterest,
    title: "Interest registered",
    description: "Thank you for telling us when you would like to take a course. We write to you first when a date opens.",
    heading: "Thank you: we have noted your interest",
    lede: "We plan public classes where interest gathers. When a date opens for this course, or when we can run it on the dates you suggested, you will hear from us before anyone else.",
    back: { label: "Back to the class schedule", url: SITE_PATHS.schedule },
  },
  {
    url: SITE_PATHS.thanksRegistration,
    title: "Registration received",
    description: "Thank you for registering for a Hartmann Software Group class. We will confirm your seats by email within one business day.",
    heading: "Thank you: your registration is in",
    lede: "We will confirm your seats and send an invoice by email within one business day.",
    call: "If you don't hear from us, please check your spam folder or call",
    back: { label: "Back to the class schedule", url: SITE_PATHS.schedule },
  },
  {
    url: SITE_PATHS.thanksWaitlist,
    title: "You are on the waitlist",
    description: "Thank you for joining the waitlist for a Hartmann Software Group class. We will contact you as soon as a seat opens.",
    heading: "You are on the waitlist",
    lede: "We offer freed seats in the order requests arrive, and we will email you as soon as one opens, or when we add another date for the course.",
    back: { label: "See other upcoming classes", url: SITE_PATHS.schedule },
  },
];
