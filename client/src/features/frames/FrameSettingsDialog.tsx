/** A frame's settings for a secretariat admin: rename it, describe it, archive it (updateFrame, archiveFrame). */
import { useState } from "react";
import { useMutation } from "urql";
import { Dialog } from "../../app/Dialog.tsx";
import { failureText } from "../../app/failures.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import { graphql } from "../../graphql.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { FrameInfo } from "./framesQuery.ts";

const UpdateFrame = graphql(`
  mutation UpdateFrame($input: UpdateFrameInput!) {
    updateFrame(input: $input) {
      __typename
      ... on Frame { id key name description }
      ...InputProblems
      ... on Error { message }
    }
  }
`, [InputProblemsFragment]);

const ArchiveFrame = graphql(`
  mutation ArchiveFrame($input: ArchiveFrameInput!) {
    archiveFrame(input: $input) {
      __typename
      ... on Frame { id key archived }
      ... on Error { message }
    }
  }
`);

export function FrameSettingsDialog({ frame, onClose, onSaved, onArchived }: { frame: FrameInfo; onClose: () => void; onSaved: () => void; onArchived: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(frame.name);
  const [description, setDescription] = useState(frame.description ?? "");
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [, update] = useMutation(UpdateFrame);
  const [, archive] = useMutation(ArchiveFrame);

  async function save() {
    setFailure(null);
    setSaved(false);
    const response = await update({ input: { frameId: frame.key, name: name.trim(), description: description.trim() || null } });
    const answer = response.data?.updateFrame;
    if (answer?.__typename === "Frame") {
      setSaved(true);
      onSaved();
    } else {
      setFailure(t("frameSettingsFailed", { message: failureText(t, answer, response.error) }));
    }
  }

  async function archiveIt() {
    setFailure(null);
    const response = await archive({ input: { frameId: frame.key, archived: true } });
    if (response.data?.archiveFrame.__typename === "Frame") onArchived();
    else setFailure(t("frameSettingsFailed", { message: failureText(t, response.data?.archiveFrame, response.error) }));
  }

  return (
    <Dialog
      title={t("frameSettingsTitle", { name: frame.name })}
      onClose={onClose}
      actions={<button type="submit" form="frame-settings-form" className="primary">{t("frameSettingsSave")}</button>}
    >
      <form id="frame-settings-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
        <label>
          {t("newFrameName")}
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} autoFocus />
        </label>
        <label>
          {t("newFrameDescription")}
          <textarea value={description} onChange={(event) => setDescription(event.target.value)} maxLength={4000} rows={3} />
        </label>
      </form>
      {saved && <p role="status">{t("frameSettingsSaved")}</p>}
      {failure && <p role="alert" className="error">{failure}</p>}
      <hr />
      <p className="muted">{t("frameArchiveNote")}</p>
      <button type="button" onClick={() => void archiveIt()}>{t("frameArchive")}</button>
    </Dialog>
  );
}
