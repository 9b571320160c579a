/**
 * Meta's documented limits for outbound payloads (reference/cloud-api.md §2 and §6.4).
 * The schemas enforce them; the dashboard can use the same numbers for counters and hints.
 */
export const CLOUD_API_LIMITS = {
  /** §2.1 — echoed back in status webhooks. */
  bizOpaqueCallbackData: 512,
  /** §2.2 */
  textBody: 4096,
  /** §2.3 — image, video and document captions. */
  mediaCaption: 1024,
  /** §2.5 (pywa) */
  contactsPerMessage: 257,
  /** §2.8 — body of every interactive type (1024 is enforced for lists too, see §11.7). */
  interactiveBody: 1024,
  interactiveHeaderText: 60,
  interactiveFooter: 60,
  replyButtonsMin: 1,
  replyButtonsMax: 3,
  replyButtonId: 256,
  replyButtonTitle: 20,
  listButtonText: 20,
  listSectionsMax: 10,
  listRowsTotalMax: 10,
  listSectionTitle: 24,
  listRowId: 200,
  listRowTitle: 24,
  listRowDescription: 72,
  ctaUrlDisplayText: 20,
  flowCta: 20,
  /** §2.9 — copy_code button parameter and OTP codes. */
  couponCode: 15,
  /** §2.9 — mpm button. */
  mpmProductsMax: 30,
  mpmSectionsMax: 10,
  /** §6.2 */
  carouselCardsMin: 2,
  carouselCardsMax: 10,
  /** §6.4 template creation */
  templateName: 512,
  templateHeaderText: 60,
  templateBody: 1024,
  templateFooter: 60,
  templateButtonsMax: 10,
  templateButtonText: 25,
  templateUrlButtonsMax: 2,
  templateUrl: 2000,
  templatePhoneButtonsMax: 1,
  templatePhoneNumber: 20,
  templateCopyCodeButtonsMax: 1,
  templateCarouselCardBody: 160,
  /** §2.10 — how long Meta shows the typing indicator, in milliseconds. */
  typingIndicatorMs: 25_000,
} as const;
