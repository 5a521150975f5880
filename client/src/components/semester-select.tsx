import { useTranslation } from 'react-i18next';
import { day } from '../lib/format.ts';
import { planningSemesters, semesterById } from '../lib/semesters.ts';

/** Picks one of the semesters people plan for (current and next two); `label` replaces « Semestre ». */
export function SemesterSelect({ value, onChange, label }: { value: string; onChange: (id: string) => void; label?: string }) {
  const { t } = useTranslation();
  const options = planningSemesters();
  if (!options.some((s) => s.id === value) && semesterById(value)) options.push(semesterById(value)!);
  return (
    <label>
      {label ?? t('common.semester')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((s) => (
          <option key={s.id} value={s.id}>
            {t(s.season === 'winter' ? 'semester.winter' : 'semester.summer', { from: day(s.start), to: day(s.end) })}
          </option>
        ))}
      </select>
    </label>
  );
}
