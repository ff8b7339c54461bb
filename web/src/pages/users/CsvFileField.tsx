import { useState, type ChangeEvent } from "react";

const maxBytes = 5_000_000;

/** A CSV file read in the browser: its text goes to the API as the request body. */
export function CsvFileField({ id, label, hint, onText }: { id: string; label: string; hint: string; onText: (file: { name: string; text: string } | null) => void }) {
  const [error, setError] = useState<string | null>(null);
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setError(null);
    if (!file) return onText(null);
    if (file.size > maxBytes) {
      setError("That file is larger than 5 MB; split it into smaller files.");
      return onText(null);
    }
    onText({ name: file.name, text: await file.text() });
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" accept=".csv,text/csv" onChange={onChange} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="hint">{hint}</p>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
