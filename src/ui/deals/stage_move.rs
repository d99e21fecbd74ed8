//! A deal's stage move, from the board or the deal's page: written through the session, then
//! said in the status message with Undo, which moves the deal back (a new move in its history).
//! Must not import another feature folder.

use crate::app::service::DealMove;
use crate::app::session::Session;
use crate::app::AppError;
use crate::i18n::{errors, phrases, Lang};
use crate::ui::common::status::Status;
use leptos::task::spawn_local;

/// Moves deal `id` to `stage` and says so, offering Undo.
pub async fn move_with_undo(
    session: Session,
    status: Status,
    lang: Lang,
    id: String,
    stage: String,
) -> Result<(), AppError> {
    let moved = session
        .write(move |v, now| async move { v.move_deal(&id, &stage, now).await })
        .await?;
    let (title, to, from) = session.data.with_untracked(|s| {
        let pipeline = s.pipeline();
        let name = |stage: &str| {
            pipeline
                .stage(stage)
                .map(|st| phrases::stage_name(lang, st))
                .unwrap_or_default()
        };
        let title = s
            .deals
            .get(&moved.deal_id)
            .map(|d| d.data.title.clone())
            .unwrap_or_default();
        (title, name(&moved.to), name(&moved.from))
    });
    status.post_with_undo(phrases::moved_to(lang, &title, &to), move || {
        undo_move(
            session,
            status,
            lang,
            moved.clone(),
            title.clone(),
            from.clone(),
        )
    });
    Ok(())
}

/// Undo of a move just made: the move back, through the session; says how it went.
fn undo_move(
    session: Session,
    status: Status,
    lang: Lang,
    moved: DealMove,
    title: String,
    from: String,
) {
    spawn_local(async move {
        match session
            .write(move |v, now| async move { v.undo_deal_move(&moved, now).await })
            .await
        {
            Ok(()) => status.post(phrases::moved_back(lang, &title, &from)),
            Err(e) => status.post(errors::describe(lang, &e)),
        }
    });
}
