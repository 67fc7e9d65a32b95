import type { ReactNode } from 'react';

/** One stage of the pipeline view: heading, a plain-language explanation, then the live numbers. */
export function Step({
  id,
  title,
  explain,
  children,
}: {
  id: string;
  title: string;
  explain: string;
  children: ReactNode;
}) {
  return (
    <section
      className="inspector-step"
      data-testid="inspector-step"
      data-step={id}
      id={`inspector-step-${id}`}
    >
      <h3>{title}</h3>
      <p className="explain">{explain}</p>
      {children}
    </section>
  );
}
