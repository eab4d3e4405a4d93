import { useState, type SyntheticEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import type { CaseView } from '@/lib/store/caseRepository';
import { useAction } from './useAction';

/** Edits who posted, who is affected and who owns the case; the change is an audit entry. */
export function CaseDetailsForm({ view, onSaved }: { view: CaseView; onSaved: () => void }) {
  const d = view.details;
  const [title, setTitle] = useState(d.title);
  const [name, setName] = useState(d.personPosting.name);
  const [profiles, setProfiles] = useState(d.personPosting.profileUrls.join('\n'));
  const [relationship, setRelationship] = useState(d.personPosting.relationship);
  const [affected, setAffected] = useState(d.affected);
  const [owner, setOwner] = useState(d.owner);
  const { error, run } = useAction();

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    await run(async () => {
      const { cases, currentActor } = pageServices();
      const actor = await currentActor();
      const profileUrls = profiles.split(/\s+/).filter(Boolean);
      await cases.changeDetails(
        view.id,
        { title, personPosting: { name, profileUrls, relationship }, affected, owner },
        actor,
      );
      onSaved();
    });
  }

  const field = (id: string, label: string, value: string, set: (v: string) => void) => (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} onChange={(e) => set(e.target.value)} />
    </>
  );
  return (
    <form onSubmit={(event) => void save(event)} aria-label="Case details">
      {field('case-title', 'Title', title, setTitle)}
      {field('case-person', 'Person posting', name, setName)}
      <label htmlFor="case-profiles">Their profiles (one address a line, on each platform)</label>
      <textarea id="case-profiles" value={profiles} onChange={(e) => setProfiles(e.target.value)} />
      {field(
        'case-relationship',
        'Relationship to the school (e.g. parent of a pupil in Year 4)',
        relationship,
        setRelationship,
      )}
      {field('case-affected', 'Staff or pupils affected (names or initials)', affected, setAffected)}
      {field('case-owner', 'Owner', owner, setOwner)}
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit">Save case details</button>
      </div>
    </form>
  );
}
