/*
 * The Views menu: the built-in "Needs action" view and the supervisor's saved views, each opened by a click (a link
 * to its URL: the router navigates, so Back, sharing and a new tab work as for any link), renamed or deleted in
 * place; below them, the form that saves the view on screen under a name.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  MAX_VIEW_NAME_LENGTH,
  NEEDS_ACTION_VIEW,
  nameProblem,
  readSavedViews,
  renamedView,
  viewName,
  withView,
  withoutView,
  writeSavedViews,
  type NameProblem,
  type SavedView,
} from './saved-views';
import { useMenu } from './use-menu';
import styles from './tools.module.css';

const viewHref = (view: SavedView) => (view.search ? `/?${view.search}` : '/');

function problemText(problem: NameProblem, name: string, renaming: boolean): string {
  if (problem === 'empty') return 'Enter a name for the view.';
  if (problem === 'built-in') return `“${NEEDS_ACTION_VIEW.name}” is a built-in view: choose another name.`;
  return renaming ? `Another view is named “${name}”.` : `A view named “${name}” exists: Replace saves this view in its place.`;
}

export function ViewsMenu(props: { search: string }) {
  const menu = useMenu();
  const navigate = useNavigate();
  const [views, setViews] = useState(readSavedViews);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // Where focus goes once the list has re-rendered (the control that had it may be gone).
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    menu.panelProps.ref.current?.querySelector<HTMLElement>(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const store = (next: SavedView[], done: string) => {
    setViews(next);
    setStatus(writeSavedViews(next) ? done : `${done} This browser would not store it: a reload loses it.`);
  };

  const openView = (event: MouseEvent<HTMLAnchorElement>, view: SavedView) => {
    // Modified clicks keep the browser's own behaviour (a new tab, a new window).
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    menu.close();
    navigate({ pathname: '/', search: view.search });
  };

  return (
    <div className={styles.menuHolder}>
      <button
        {...menu.buttonProps}
        onClick={() => {
          // Another tab may have saved views since this one read them.
          if (!menu.open) setViews(readSavedViews());
          setStatus('');
          setRenaming(null);
          menu.buttonProps.onClick();
        }}
      >
        Views
      </button>
      {menu.open ? (
        <div {...menu.panelProps} className={`${styles.menu} ${styles.viewsMenu}`}>
          <ul className={styles.viewList} aria-label="Views">
            {[NEEDS_ACTION_VIEW, ...views].map((view) => (
              <li key={view.name}>
                {view.name === renaming ? (
                  <RenameForm
                    name={view.name}
                    views={views}
                    onCancel={() => {
                      focusNext.current = `[data-rename="${CSS.escape(view.name)}"]`;
                      setRenaming(null);
                    }}
                    onRename={(name) => {
                      focusNext.current = `[data-rename="${CSS.escape(name)}"]`;
                      setRenaming(null);
                      store(renamedView(views, view.name, name), `Renamed “${view.name}” to “${name}”.`);
                    }}
                  />
                ) : (
                  <>
                    <a
                      className={styles.viewLink}
                      href={viewHref(view)}
                      aria-current={view.search === props.search ? 'page' : undefined}
                      onClick={(event) => openView(event, view)}
                    >
                      {view.name}
                    </a>
                    {view === NEEDS_ACTION_VIEW ? (
                      <span className={styles.builtIn}>Built-in</span>
                    ) : (
                      <>
                        <button type="button" className={styles.small} aria-label={`Rename ${view.name}`} data-rename={view.name} onClick={() => setRenaming(view.name)}>
                          Rename
                        </button>
                        <button
                          type="button"
                          className={styles.small}
                          aria-label={`Delete ${view.name}`}
                          onClick={() => {
                            focusNext.current = `.${styles.viewLink}`;
                            store(withoutView(views, view.name), `Deleted “${view.name}”.`);
                          }}
                        >
                          Delete
                        </button>
                      </>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
          <SaveForm views={views} onSave={(view, replaced) => store(withView(views, view), `${replaced ? 'Replaced' : 'Saved'} “${view.name}”.`)} search={props.search} />
          <p role="status" className={styles.viewsStatus}>
            {status}
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** A labelled name field, with the message that says why the name cannot be used. */
function NameField(props: { label: string; value: string; onChange: (value: string) => void; problem: string | null; autoFocus?: boolean }) {
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-name`}>{props.label}</label>
      <input
        id={`${id}-name`}
        type="text"
        autoComplete="off"
        maxLength={MAX_VIEW_NAME_LENGTH}
        value={props.value}
        autoFocus={props.autoFocus}
        aria-invalid={props.problem !== null}
        aria-describedby={props.problem ? `${id}-problem` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.problem ? (
        <p id={`${id}-problem`} className={styles.problem}>
          {props.problem}
        </p>
      ) : null}
    </>
  );
}

function SaveForm(props: { views: SavedView[]; search: string; onSave: (view: SavedView, replaced: boolean) => void }) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The name of a saved view the supervisor was told about: saving again under it replaces that view.
  const [replacing, setReplacing] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = viewName(typed);
    const found = nameProblem(props.views, name);
    if (found === 'taken' && replacing === name) {
      props.onSave({ name, search: props.search }, true);
    } else if (found) {
      setProblem(problemText(found, name, false));
      setReplacing(found === 'taken' ? name : null);
      event.currentTarget.querySelector('input')?.focus();
      return;
    } else {
      props.onSave({ name, search: props.search }, false);
    }
    setTyped('');
    setProblem(null);
    setReplacing(null);
  };

  return (
    <form className={styles.saveForm} onSubmit={submit} noValidate>
      <NameField
        label="Name the view on screen"
        value={typed}
        problem={problem}
        onChange={(value) => {
          setTyped(value);
          setProblem(null);
          setReplacing(null);
        }}
      />
      <button type="submit" className={styles.saveButton}>
        {replacing ? 'Replace' : 'Save view'}
      </button>
    </form>
  );
}

function RenameForm(props: { name: string; views: SavedView[]; onRename: (name: string) => void; onCancel: () => void }) {
  const [typed, setTyped] = useState(props.name);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className={styles.renameForm}
      noValidate
      // Escape in the field cancels the rename only; the menu stays open (a second Escape closes it).
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        props.onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const name = viewName(typed);
        const found = nameProblem(props.views, name, props.name);
        if (found) setProblem(problemText(found, name, true));
        else props.onRename(name);
      }}
    >
      <NameField
        label={`New name for ${props.name}`}
        value={typed}
        problem={problem}
        autoFocus
        onChange={(value) => {
          setTyped(value);
          setProblem(null);
        }}
      />
      <div className={styles.formButtons}>
        <button type="submit" className={styles.small}>
          Save name
        </button>
        <button type="button" className={styles.small} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
