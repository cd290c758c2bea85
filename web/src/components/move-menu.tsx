/**
 * A small menu button (the WAI-ARIA menu-button pattern): the button opens a list of choices in
 * place; arrow keys, Home and End move between them, Enter or a click chooses, Escape or Tab closes
 * and a click elsewhere closes. Focus goes to the first choice on opening and back to the button on
 * closing, so the whole thing works from the keyboard.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuChoice<T extends string> {
  value: T;
  label: string;
}

export function MenuButton<T extends string>(props: { label: string; menuLabel: string; text: string; choices: Array<MenuChoice<T>>; onChoose: (value: T) => void }) {
  const { label, menuLabel, text, choices, onChoose } = props;
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);

  useEffect(() => {
    if (!open) return;
    items.current[0]?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const list = items.current.filter((x): x is HTMLButtonElement => x !== null);
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') setOpen(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  return (
    <div className="menu-button" ref={root}>
      <button
        ref={button}
        type="button"
        className="menu-trigger"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {text}
      </button>
      {open && (
        <div id={id} role="menu" aria-label={menuLabel} className="menu" onKeyDown={onMenuKey}>
          {choices.map((c, i) => (
            <button
              key={c.value}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close();
                onChoose(c.value);
              }}
            >
              {c.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
