import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FormError, isFieldInvalid } from '../../../components/form-error.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { centsFromEuros, type AidScheme, type RateBand } from '../../../lib/aid.ts';
import { euros } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { useAidSchemes, useCreateScheme, usePatchScheme, type SchemePatch } from '../api/aid-grants.ts';

/** "30 – 60 km : 50 € / mois" for each band of a rate table. */
function Bands({ bands }: { bands: RateBand[] }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list small">
      {bands.map((b, i) => (
        <li key={i}>{b.toKm === null ? t('aid.schemes.bandOpen', { from: b.fromKm, amount: euros(b.centsPerMonth) }) : t('aid.schemes.band', { from: b.fromKm, to: b.toKm, amount: euros(b.centsPerMonth) })}</li>
      ))}
    </ul>
  );
}

/** What a scheme pays, in words: once, per month, or by distance band. */
function amountText(s: AidScheme, t: TFunction): string {
  if (s.kind === 'lump_sum') return t('aid.schemes.lumpSum', { amount: euros(s.amountCents) });
  if (s.kind === 'monthly') return t('aid.schemes.monthly', { amount: euros(s.amountCents) });
  return t('aid.schemes.perKm');
}

/**
 * The aid schemes staff work with: what each pays and on which conditions, the kilometre
 * allowance's rate table, and, for the schemes of their département (the admin: all), a form
 * to change the amount, the bands, the minimum length and whether it is open.
 */
export function AidSchemes() {
  const { t } = useTranslation();
  const schemes = useAidSchemes();
  return (
    <section aria-labelledby="aid-schemes-title" className="aid-schemes">
      <h2 id="aid-schemes-title">{t('aid.schemes.title')}</h2>
      <QueryState isLoading={schemes.isLoading} error={schemes.error}>
        <ul className="aid-list">
          {(schemes.data ?? []).map((s) => (
            <li key={s.id} className="card" data-code={s.code}>
              <p className="aid-head">
                <strong>{s.name}</strong>
                <span className="aid-status">{s.departementCode ? t('aid.schemes.departement', { code: s.departementCode }) : t('aid.schemes.national')}</span>
              </p>
              <p className="small">{amountText(s, t)}{s.minMonths !== null && <> · {t('aid.schemes.minMonths', { count: s.minMonths })}</>}</p>
              {s.rateTable && <Bands bands={s.rateTable.bands} />}
              {s.rules && <p className="small muted">{s.rules}</p>}
              {s.editable && (
                <details>
                  <summary>{t('aid.schemes.edit')}</summary>
                  <SchemeForm key={JSON.stringify(s)} scheme={s} />
                </details>
              )}
            </li>
          ))}
        </ul>
      </QueryState>
      <details>
        <summary>{t('aid.schemes.new')}</summary>
        <SchemeForm key={schemes.data?.length ?? 0} />
      </details>
    </section>
  );
}

type BandText = { fromKm: string; toKm: string; euros: string };
type Kind = AidScheme['kind'];

/**
 * Creates a scheme (no `scheme`: code, name, département — empty for nationwide, the admin's —, kind,
 * conditions) or changes one: amount (lump sum or monthly) or bands (per km), minimum months, open or closed.
 */
function SchemeForm({ scheme }: { scheme?: AidScheme }) {
  const { t } = useTranslation();
  const patch = usePatchScheme();
  const create = useCreateScheme();
  const save = scheme ? patch : create;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [departement, setDepartement] = useState('');
  const [kind, setKind] = useState<Kind>(scheme?.kind ?? 'lump_sum');
  const [zone, setZone] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [rules, setRules] = useState('');
  const [amount, setAmount] = useState(scheme ? String(scheme.amountCents / 100).replace('.', ',') : '');
  const [minMonths, setMinMonths] = useState(scheme?.minMonths == null ? '' : String(scheme.minMonths));
  const [active, setActive] = useState(scheme?.active ?? true);
  const [bands, setBands] = useState<BandText[]>(
    (scheme?.rateTable?.bands ?? [{ fromKm: 0, toKm: null, centsPerMonth: 0 }]).map((b) => ({ fromKm: String(b.fromKm), toKm: b.toKm === null ? '' : String(b.toKm), euros: String(b.centsPerMonth / 100).replace('.', ',') })),
  );
  const [problem, setProblem] = useState<string>();
  const setBand = (i: number, k: keyof BandText, v: string) => setBands((bs) => bs.map((b, j) => (j === i ? { ...b, [k]: v } : b)));
  const num = (s: string) => Number(s.trim().replace(',', '.'));
  const invalid = (f: string) => isFieldInvalid(save.error, `body.${f}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const body: Omit<SchemePatch, 'id'> = { active, minMonths: minMonths.trim() === '' ? null : num(minMonths) };
    if (kind === 'per_km') {
      const parsed = bands.map((b) => ({ fromKm: num(b.fromKm), toKm: b.toKm.trim() === '' ? null : num(b.toKm), centsPerMonth: b.euros.trim() === '0' ? 0 : centsFromEuros(b.euros) }));
      if (parsed.some((b) => b.centsPerMonth === undefined || !Number.isFinite(b.fromKm) || (b.toKm !== null && !Number.isFinite(b.toKm)))) return setProblem(t('aid.schemes.badBand'));
      body.rateTable = { version: 1, bands: parsed.map((b) => ({ ...b, centsPerMonth: b.centsPerMonth! })) };
    } else {
      const cents = centsFromEuros(amount);
      if (cents === undefined) return setProblem(t('aid.register.badAmount'));
      body.amountCents = cents;
    }
    const done = () => notify('success', t('aid.schemes.saved'));
    if (scheme) patch.mutateAsync({ id: scheme.id, ...body }).then(done, () => undefined);
    else
      create
        .mutateAsync({ ...body, code: code.trim(), name: name.trim(), departementCode: departement.trim() || null, kind, requiresUnderservedZone: zone, conflictsWithHousingAid: conflict, rules: rules.trim() || null })
        .then(done, () => undefined);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={scheme ? t('aid.schemes.editOf', { name: scheme.name }) : t('aid.schemes.new')}>
      {!scheme && (
        <>
          <label>{t('aid.schemes.name')}<input value={name} onChange={(e) => setName(e.target.value)} aria-invalid={invalid('name')} /></label>
          <div className="form-row">
            <label>{t('aid.schemes.code')}<input value={code} onChange={(e) => setCode(e.target.value)} placeholder="aide-41" aria-invalid={invalid('code')} /></label>
            <label>{t('aid.schemes.departementCode')}<input value={departement} onChange={(e) => setDepartement(e.target.value)} placeholder="41" aria-invalid={invalid('departementCode')} /></label>
          </div>
          <label>
            {t('aid.schemes.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              <option value="lump_sum">{t('aid.schemes.kinds.lump_sum')}</option>
              <option value="monthly">{t('aid.schemes.kinds.monthly')}</option>
              <option value="per_km">{t('aid.schemes.kinds.per_km')}</option>
            </select>
          </label>
          <label className="check"><input type="checkbox" checked={zone} onChange={(e) => setZone(e.target.checked)} /> {t('aid.schemes.requiresZone')}</label>
          <label className="check"><input type="checkbox" checked={conflict} onChange={(e) => setConflict(e.target.checked)} /> {t('aid.schemes.conflicts')}</label>
          <label>{t('aid.schemes.rules')}<textarea value={rules} onChange={(e) => setRules(e.target.value)} rows={2} /></label>
        </>
      )}
      {kind === 'per_km' ? (
        <fieldset>
          <legend>{t('aid.schemes.bands')}</legend>
          {bands.map((b, i) => (
            <div className="form-row" key={i}>
              <label>{t('aid.schemes.fromKm')}<input inputMode="decimal" value={b.fromKm} onChange={(e) => setBand(i, 'fromKm', e.target.value)} /></label>
              <label>{t('aid.schemes.toKm')}<input inputMode="decimal" value={b.toKm} placeholder="∞" onChange={(e) => setBand(i, 'toKm', e.target.value)} /></label>
              <label>{t('aid.schemes.perMonth')}<input inputMode="decimal" value={b.euros} onChange={(e) => setBand(i, 'euros', e.target.value)} /></label>
              <button type="button" onClick={() => setBands((bs) => bs.filter((_, j) => j !== i))} aria-label={t('aid.schemes.removeBand', { n: i + 1 })}>×</button>
            </div>
          ))}
          <button type="button" onClick={() => setBands((bs) => [...bs, { fromKm: bs.at(-1)?.toKm ?? '0', toKm: '', euros: '' }])}>{t('aid.schemes.addBand')}</button>
        </fieldset>
      ) : (
        <label>
          {kind === 'monthly' ? t('aid.schemes.amountMonthly') : t('aid.register.amount')}
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={invalid('amountCents')} />
        </label>
      )}
      <label>
        {t('aid.schemes.minMonthsLabel')}
        <input inputMode="numeric" value={minMonths} onChange={(e) => setMinMonths(e.target.value)} aria-invalid={invalid('minMonths')} />
      </label>
      <label className="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('aid.schemes.active')}
      </label>
      {problem && <p className="error" role="alert">{problem}</p>}
      <FormError error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending}>{scheme ? t('common.save') : t('aid.schemes.create')}</button>
    </form>
  );
}
