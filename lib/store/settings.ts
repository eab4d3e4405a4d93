import { z } from 'zod';
import { StaffMemberSchema, type StaffMember } from '../capture/metadata';
import { DEFAULT_WARNING_TEMPLATE } from '../cases/warningLetter';
import { DEFAULT_SUBJECT_ACCESS_TEMPLATE } from '../subjectAccess/pack';
import { ExhibitError, parseInput } from '../errors';
import { ENGLAND_AND_WALES_SCHOOL, SchoolAccountSchema, type SchoolAccount, type WorkingCalendar } from '../policy';
import { SHA256_HEX } from '../hash';
import { DEFAULT_RETENTION, RetentionSettingsSchema, type RetentionSettings } from '../retention/rules';
import { TimestampSettingsSchema, type TimestampSettings } from '../timestamp/settings';
import { timestampSettingsOf } from './timestamps';
import type { ExhibitDb } from './db';

export const ExportSettingsSchema = z.object({
  /** Ask where to save each bundle (issue #2: on by default). */
  askWhereToSave: z.boolean(),
});
export type ExportSettings = z.infer<typeof ExportSettingsSchema>;
const CalendarChangesSchema = z.object({
  extraNonWorkingDays: z.array(z.iso.date()).max(400),
  workedBankHolidays: z.array(z.iso.date()).max(400),
});

/**
 * A sender whose bundles this school expects (issue #15): the trust's DSL, colleagues at other
 * installations. Receiving a bundle signed by a key not on this list says so plainly.
 */
export const TrustedSenderSchema = z.object({
  name: z.string().trim().min(1, 'Give the sender’s name.').max(200),
  fingerprint: z.string().regex(SHA256_HEX, 'A fingerprint is 64 hexadecimal digits.'),
});
export type TrustedSender = z.infer<typeof TrustedSenderSchema>;
const TrustedSendersSchema = z.array(TrustedSenderSchema).max(500);

const DEFAULT_EXPORT_SETTINGS: ExportSettings = { askWhereToSave: true };
const TemplateSchema = z.string().min(1, 'The template cannot be empty.').max(50_000);

export function createSettingsRepository(db: ExhibitDb) {
  async function read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const row = await db.settings.get(key);
    const parsed = schema.safeParse(row?.value);
    return parsed.success ? parsed.data : undefined;
  }
  /** A letter template the school edits, or the default while it has none. */
  async function readTemplate(key: string, fallback: string): Promise<string> {
    return (await read(key, TemplateSchema)) ?? fallback;
  }
  async function saveTemplate(key: string, template: string): Promise<void> {
    await db.settings.put({ key, value: TemplateSchema.parse(template) });
  }
  return {
    /** The staff member and school; undefined until the options page has been filled in. */
    getProfile: () => read('profile', StaffMemberSchema),
    async saveProfile(profile: StaffMember): Promise<StaffMember> {
      const value = StaffMemberSchema.parse(profile);
      await db.settings.put({ key: 'profile', value });
      return value;
    },
    /** The school's written-warning template (issue #4), or the default. */
    getWarningTemplate: () => readTemplate('warningTemplate', DEFAULT_WARNING_TEMPLATE),
    saveWarningTemplate: (template: string) => saveTemplate('warningTemplate', template),
    /** The school's cover letter for subject access packs (issue #18), or the default. */
    getSubjectAccessTemplate: () => readTemplate('subjectAccessTemplate', DEFAULT_SUBJECT_ACCESS_TEMPLATE),
    saveSubjectAccessTemplate: (template: string) => saveTemplate('subjectAccessTemplate', template),
    /** The school's own accounts, whose comments must be answered in time (issue #4). */
    async getSchoolAccounts(): Promise<SchoolAccount[]> {
      return (await read('schoolAccounts', z.array(SchoolAccountSchema))) ?? [];
    },
    async saveSchoolAccounts(accounts: SchoolAccount[]): Promise<void> {
      await db.settings.put({
        key: 'schoolAccounts',
        value: parseInput(z.array(SchoolAccountSchema).max(50), accounts),
      });
    },
    /** Bank holidays are built in; the school adds its own closures and removes holidays it works. */
    async getCalendar(): Promise<WorkingCalendar> {
      const own = await read('calendar', CalendarChangesSchema);
      return { ...ENGLAND_AND_WALES_SCHOOL, ...own };
    },
    async saveCalendar(changes: z.infer<typeof CalendarChangesSchema>): Promise<void> {
      await db.settings.put({ key: 'calendar', value: parseInput(CalendarChangesSchema, changes) });
    },
    /** Trusted timestamps (issue #20): off, with no authority, until a school turns them on. */
    getTimestamping: () => timestampSettingsOf(db),
    async saveTimestamping(settings: TimestampSettings): Promise<TimestampSettings> {
      const value = parseInput(TimestampSettingsSchema, settings);
      await db.settings.put({ key: 'timestamping', value });
      return value;
    },
    async getTrustedSenders(): Promise<TrustedSender[]> {
      return (await read('trustedSenders', TrustedSendersSchema)) ?? [];
    },
    async saveTrustedSenders(senders: TrustedSender[]): Promise<void> {
      const value = parseInput(TrustedSendersSchema, senders);
      if (new Set(value.map((s) => s.fingerprint)).size !== value.length)
        throw new ExhibitError('invalid-input', 'That key is on the list already.');
      await db.settings.put({ key: 'trustedSenders', value });
    },
    /** How long things are kept before review (issue #18), or the defaults. */
    async getRetention(): Promise<RetentionSettings> {
      return (await read('retention', RetentionSettingsSchema)) ?? DEFAULT_RETENTION;
    },
    async saveRetention(settings: RetentionSettings): Promise<RetentionSettings> {
      const value = parseInput(RetentionSettingsSchema, settings);
      await db.settings.put({ key: 'retention', value });
      return value;
    },
    async getExportSettings(): Promise<ExportSettings> {
      return (await read('export', ExportSettingsSchema)) ?? DEFAULT_EXPORT_SETTINGS;
    },
    async saveExportSettings(settings: ExportSettings): Promise<void> {
      await db.settings.put({ key: 'export', value: ExportSettingsSchema.parse(settings) });
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
