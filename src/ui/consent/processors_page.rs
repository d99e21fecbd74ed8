//! The register of processors (Art. 28, Art. 30(1)(d)–(e)): each with its service, agreement
//! (or "no agreement recorded"), location, any transfer outside the EU/EEA and the purposes
//! that use it; a link to a new one. Its writes are on the processor form.

use crate::i18n::{phrases, Lang, Text};
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos_router::components::A;

/// A processor's facts in one line: service · location · agreement · transfer.
pub fn processor_line(lang: Lang, p: &crate::domain::processor::Processor) -> String {
    let agreement = match p.dpa_signed_on {
        Some(d) => phrases::agreement_signed(lang, d),
        None => Text::NoAgreement.get(lang).to_string(),
    };
    let mut parts = vec![p.service.clone(), p.location.clone(), agreement];
    if p.transfers_outside_eu {
        parts.push(phrases::transfer_with_safeguard(lang, &p.safeguard));
    }
    parts.join(" · ")
}

#[component]
pub fn ProcessorsPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let rows = Memo::new(move |_| {
        session.data.with(|d| {
            d.processors_by_name()
                .into_iter()
                .map(|(id, p)| {
                    let purposes: Vec<String> = p
                        .purpose_ids
                        .iter()
                        .filter_map(|x| d.purposes.get(x).map(|q| q.data.name.clone()))
                        .collect();
                    (id, p, purposes)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page" aria-labelledby="processors-heading">
            <div class="page-head">
                <h1 id="processors-heading">{t(Text::ProcessorsHeading)}</h1>
                <A href="/processors/new" attr:class="button">{t(Text::NewProcessor)}</A>
            </div>
            <p class="lead">{t(Text::ProcessorsLead)}</p>
            <p>
                <A href="/purposes">{t(Text::PurposesHeading)}</A>
                " · "
                <A href="/purposes/record">{t(Text::ProcessingRecordHeading)}</A>
            </p>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty-state">{t(Text::NoProcessorsYet)}</p> }>
                <ul class="simple-list" aria-labelledby="processors-heading">
                    {move || {
                        let lang = locale.get();
                        rows.get()
                            .into_iter()
                            .map(|(id, p, purposes)| {
                                let line = processor_line(lang, &p);
                                view! {
                                <li>
                                    <A href=format!("/processors/{id}")>{p.name}</A>
                                    <span class="contact-detail">{line}</span>
                                    {(!purposes.is_empty()).then(|| view! {
                                        <span class="contact-detail">{format!("{}: {}", Text::ProcessorPurposes.get(lang), purposes.join(", "))}</span>
                                    })}
                                </li>
                            }})
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}
