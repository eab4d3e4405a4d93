import { hasInvisible, showInvisible } from '@/lib/visibleText';

/**
 * Beneath a field that keeps a value as it was given (so it can be corrected), what cannot be seen
 * in it, marked (issue #15): a post or a note can carry a bidi override or a zero-width character.
 */
export function InvisibleCharacters({
  value,
  prose = false,
  testId,
}: {
  value: string;
  prose?: boolean;
  testId?: string;
}) {
  if (!hasInvisible(value, { keepLineBreaks: prose })) return null;
  return (
    <p className="flag" data-testid={testId}>
      Holds characters that do not show: {showInvisible(value, { keepLineBreaks: prose })}
    </p>
  );
}
