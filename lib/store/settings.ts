import { z } from 'zod';
import { StaffMemberSchema, type StaffMember } from '../capture/metadata';
import { DEFAULT_WARNING_TEMPLATE } from '../cases/warningLetter';
import { parseInput } from '../errors';
import { ENGLAND_AND_WALES_SCHOOL, SchoolAccountSchema, type SchoolAccount, type WorkingCalendar } from '../policy';
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

const DEFAULT_EXPORT_SETTINGS: ExportSettings = { askWhereToSave: true };

export function createSettingsRepository(db: ExhibitDb) {
  async function read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const row = await db.settings.get(key);
    const parsed = schema.safeParse(row?.value);
    return parsed.success ? parsed.data : undefined;
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
    async getWarningTemplate(): Promise<string> {
      return (await read('warningTemplate', z.string().min(1).max(50_000))) ?? DEFAULT_WARNING_TEMPLATE;
    },
    async saveWarningTemplate(template: string): Promise<void> {
      await db.settings.put({ key: 'warningTemplate', value: z.string().min(1, 'The template cannot be empty.').max(50_000).parse(template) });
    },
    /** The school's own accounts, whose comments must be answered in time (issue #4). */
    async getSchoolAccounts(): Promise<SchoolAccount[]> {
      return (await read('schoolAccounts', z.array(SchoolAccountSchema))) ?? [];
    },
    async saveSchoolAccounts(accounts: SchoolAccount[]): Promise<void> {
      await db.settings.put({ key: 'schoolAccounts', value: parseInput(z.array(SchoolAccountSchema).max(50), accounts) });
    },
    /** Bank holidays are built in; the school adds its own closures and removes holidays it works. */
    async getCalendar(): Promise<WorkingCalendar> {
      const own = await read('calendar', CalendarChangesSchema);
      return { ...ENGLAND_AND_WALES_SCHOOL, ...own };
    },
    async saveCalendar(changes: z.infer<typeof CalendarChangesSchema>): Promise<void> {
      await db.settings.put({ key: 'calendar', value: parseInput(CalendarChangesSchema, changes) });
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
