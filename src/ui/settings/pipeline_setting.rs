//! Settings: the pipeline's stages, renamed or moved up and down, saved together.

use crate::app::AppError;
use crate::domain::deal::{Pipeline, Stage};
use crate::i18n::{phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn PipelineSetting() -> impl IntoView {
    let (session, locale, t) = use_ui();
    // The stages being edited, with the names as shown (translated defaults).
    let stages = RwSignal::new(Vec::<Stage>::new());
    let reset = move || {
        let lang = untrack(|| locale.get());
        let pipeline = session.data.with_untracked(|d| d.pipeline());
        stages.set(
            pipeline
                .stages
                .iter()
                .map(|s| Stage {
                    name: phrases::stage_name(lang, s),
                    ..s.clone()
                })
                .collect(),
        );
    };
    Effect::new(move |_| {
        session.data.with(|_| ());
        locale.get();
        reset();
    });
    let failure = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(false);
    let shift = move |at: usize, by: isize| {
        stages.update(|list| {
            if let Some(to) = at.checked_add_signed(by).filter(|to| *to < list.len()) {
                list.swap(at, to);
            }
        });
        saved.set(false);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = untrack(|| locale.get());
        // A name left as the translated default stays the default (shown in either language).
        let list: Vec<Stage> = stages
            .get_untracked()
            .into_iter()
            .map(|s| {
                let default = phrases::stage_name(
                    lang,
                    &Stage {
                        name: s.id.clone(),
                        ..s.clone()
                    },
                );
                if s.name.trim() == default {
                    Stage {
                        name: s.id.clone(),
                        ..s
                    }
                } else {
                    s
                }
            })
            .collect();
        failure.set(None);
        saved.set(false);
        spawn_local(async move {
            match session
                .write(move |v, now| async move {
                    v.save_pipeline(Pipeline { stages: list }, now).await
                })
                .await
            {
                Ok(()) => saved.set(true),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="pipeline-heading">
            <h2 id="pipeline-heading">{t(Text::PipelineHeading)}</h2>
            <p class="hint">{t(Text::PipelineHint)}</p>
            <form class="form" novalidate=true on:submit=save>
                <ol class="stages">
                    {move || {
                        let count = stages.with(Vec::len);
                        stages
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(at, s)| {
                                let input_id = format!("stage-name-{}", s.id);
                                view! {
                                    <li class="stage-row">
                                        <label class="visually-hidden" for=input_id.clone()>{format!("{} {}", locale.t(Text::StageLabel), at + 1)}</label>
                                        <input
                                            id=input_id
                                            type="text"
                                            autocomplete="off"
                                            prop:value=s.name.clone()
                                            on:change=move |ev| {
                                                let name = event_target_value(&ev);
                                                stages.update(|list| list[at].name = name);
                                                saved.set(false);
                                            }
                                        />
                                        <button type="button" class="button secondary small" disabled=at == 0 aria-label=format!("{}: {}", locale.t(Text::MoveUp), s.name) on:click=move |_| shift(at, -1)>"↑"</button>
                                        <button type="button" class="button secondary small" disabled=at + 1 == count aria-label=format!("{}: {}", locale.t(Text::MoveDown), s.name) on:click=move |_| shift(at, 1)>"↓"</button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
                <ActionError failure/>
                <div class="actions">
                    <button type="submit" class="button">{t(Text::Save)}</button>
                    <Show when=move || saved.get()><span class="hint" role="status">{t(Text::Saved)}</span></Show>
                </div>
            </form>
        </section>
    }
}
