//! **Import contacts (CSV or vCard)** on the Data page: the file, what it was read as (format,
//! character set — which the user may change, the same bytes read again — and the header row),
//! the column mapping (a menu per column), what the file holds that will not be imported, the
//! first rows as they will be imported, the values that will be left out and why, the rows that
//! will be skipped and why, then the import and its outcome. Writes only through the session;
//! must not import `store` or `vault`.

use crate::app::service::contacts_import::{contacts_import_skips, ContactsImportSummary};
use crate::app::AppError;
use crate::i18n::errors::contacts_in_error;
use crate::i18n::{phrases, Text};
use crate::portability::contacts_in::{
    self, Charset, ContactsInError, CsvTable, Encoding, Field, ImportRow, Mapping, VcardFile,
};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::download::{chosen_file, file_bytes};
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// How many rows the preview shows as they will be imported.
const PREVIEW_ROWS: usize = 10;
/// How many dropped values the preview lists one by one.
const DROPPED_LISTED: usize = 50;

/// What the chosen file turned out to be.
#[derive(Clone, PartialEq)]
enum Loaded {
    Reading,
    Refused(ContactsInError),
    Csv(CsvTable, Charset),
    Vcard(VcardFile, Charset),
}

/// The menu value of a field ("" for not imported).
fn field_value(field: Option<Field>) -> String {
    field
        .and_then(|f| Field::ALL.iter().position(|x| *x == f))
        .map(|i| i.to_string())
        .unwrap_or_default()
}

fn field_of_value(value: &str) -> Option<Field> {
    value
        .parse::<usize>()
        .ok()
        .and_then(|i| Field::ALL.get(i).copied())
}

/// Reads the bytes (in `choice`, or the character set found out) into what the preview shows.
fn load(bytes: &[u8], choice: Option<&'static Encoding>, mapping: RwSignal<Mapping>) -> Loaded {
    match contacts_in::read_as(bytes, choice) {
        Ok(read) => match read.source {
            contacts_in::Source::Csv(table) => {
                mapping.set(table.guess_mapping());
                Loaded::Csv(table, read.charset)
            }
            contacts_in::Source::Vcard(file) => Loaded::Vcard(file, read.charset),
        },
        Err(e) => Loaded::Refused(e),
    }
}

#[component]
pub fn ContactsImport() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let loaded = RwSignal::new(None::<Loaded>);
    let bytes = StoredValue::new(Vec::<u8>::new());
    let mapping = RwSignal::new(Mapping(Vec::new()));
    let importing = RwSignal::new(false);
    let outcome = RwSignal::new(None::<(ContactsImportSummary, bool)>);
    let failure = RwSignal::new(None::<AppError>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let is_cards = move || loaded.with(|l| matches!(l, Some(Loaded::Vcard(..))));
    // Every row as it will be imported under the current mapping, with the rows the import
    // will skip and why (problems, or people already in Folio). One memo, so a view never
    // reads one without the other.
    let rows = Memo::new(move |_| {
        let rows = loaded.with(|l| match l {
            Some(Loaded::Csv(table, _)) => mapping.with(|m| table.rows(m)),
            Some(Loaded::Vcard(file, _)) => file.rows.clone(),
            _ => Vec::new(),
        });
        let skips = session.data.with(|d| contacts_import_skips(d, &rows));
        (rows, skips)
    });
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        outcome.set(None);
        failure.set(None);
        let Some(file) = chosen_file(&input) else {
            loaded.set(None);
            return;
        };
        loaded.set(Some(Loaded::Reading));
        spawn_local(async move {
            let read = if file.size() > contacts_in::MAX_BYTES as f64 {
                Loaded::Refused(ContactsInError::TooLarge(contacts_in::MAX_BYTES))
            } else {
                match file_bytes(&file).await {
                    Some(read) => {
                        let shown = load(&read, None, mapping);
                        bytes.set_value(read);
                        shown
                    }
                    None => Loaded::Refused(ContactsInError::NotText),
                }
            };
            loaded.set(Some(read));
        });
    };
    let on_charset = move |ev: leptos::ev::Event| {
        let choice = contacts_in::encoding_for(&event_target_value(&ev));
        let shown = bytes.with_value(|b| load(b, choice, mapping));
        loaded.set(Some(shown));
    };
    let import = move |_| {
        let ready: Vec<ImportRow> = rows.with_untracked(|(r, _)| r.clone());
        let file_name = file_input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
            .map(|file| file.name())
            .unwrap_or_default();
        let cards = untrack(is_cards);
        importing.set(true);
        failure.set(None);
        spawn_local(async move {
            match session
                .write(move |v, now| async move {
                    v.import_contacts_from(&ready, &file_name, now).await
                })
                .await
            {
                Ok(summary) => {
                    outcome.set(Some((summary, cards)));
                    loaded.set(None);
                    bytes.set_value(Vec::new());
                    if let Some(input) = file_input.get_untracked() {
                        input.set_value("");
                    }
                }
                Err(e) => failure.set(Some(e)),
            }
            importing.set(false);
        });
    };

    // Format, character set (a menu) and header row.
    let facts = move |format: Option<char>, charset: Charset, header_row: Option<usize>| {
        let current = charset.encoding.name();
        let options = contacts_in::CHOICES
            .iter()
            .map(|e| {
                let name = e.name();
                view! { <option value=name prop:selected=name == current>{name}</option> }
            })
            .collect_view();
        view! {
            <dl class="details">
                <div class="fact-row"><dt>{t(Text::ImportFormat)}</dt><dd data-testid="contacts-import-format">{move || phrases::contacts_format(locale.get(), format)}</dd></div>
                <div class="fact-row">
                    <dt><label for="contacts-import-charset">{t(Text::ImportCharset)}</label></dt>
                    <dd>
                        <select id="contacts-import-charset" on:change=on_charset>{options}</select>
                        " "<span class="hint" data-testid="contacts-import-charset">{move || phrases::charset(locale.get(), &charset)}</span>
                    </dd>
                </div>
                {header_row.map(|n| view! {
                    <div class="fact-row"><dt>{t(Text::ImportHeaderRow)}</dt><dd data-testid="contacts-import-header-row">{move || phrases::header_row(locale.get(), n)}</dd></div>
                })}
            </dl>
        }
    };

    // The mapping: one row per column of the file, its menu bound to its label.
    let mapping_table = move || {
        loaded.with(|l| {
            let Some(Loaded::Csv(table, _)) = l else {
                return None;
            };
            let lines = table
                .headers
                .iter()
                .enumerate()
                .map(|(i, header)| {
                    let id = format!("contacts-map-{i}");
                    let name = if header.trim().is_empty() {
                        format!("#{}", i + 1)
                    } else {
                        header.clone()
                    };
                    let sample = table
                        .records
                        .iter()
                        .filter_map(|(_, cells)| cells.get(i))
                        .find(|c| !c.is_empty())
                        .cloned()
                        .unwrap_or_default();
                    let is = move |f: Option<Field>| mapping.with(|m| m.0.get(i).copied().flatten() == f);
                    let options = Field::ALL
                        .iter()
                        .map(|f| {
                            let f = *f;
                            view! {
                                <option value=field_value(Some(f)) prop:selected=move || is(Some(f))>{move || locale.t(phrases::import_field(f))}</option>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <td><label for=id.clone()>{name}</label></td>
                            <td>
                                <select id=id on:change=move |ev| {
                                    let field = field_of_value(&event_target_value(&ev));
                                    mapping.update(|m| {
                                        if let Some(slot) = m.0.get_mut(i) {
                                            *slot = field;
                                        }
                                    });
                                }>
                                    <option value="" prop:selected=move || is(None)>{t(Text::NotImported)}</option>
                                    {options}
                                </select>
                            </td>
                            <td class="sample">{sample}</td>
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <h3 id="contacts-columns-heading">{t(Text::ColumnsHeading)}</h3>
                <Show when=move || mapping.with(|m| m.0.iter().all(Option::is_none))>
                    <p class="form-error" role="alert">{t(Text::NothingMapped)}</p>
                </Show>
                // Focusable, so the keyboard can scroll it when it is wider than a phone.
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="contacts-columns-heading">
                    <table class="data-table" aria-labelledby="contacts-columns-heading" data-testid="contacts-mapping">
                        <thead>
                            <tr>
                                <th scope="col">{t(Text::ColumnInFile)}</th>
                                <th scope="col">{t(Text::ImportedAs)}</th>
                                <th scope="col">{t(Text::FirstValue)}</th>
                            </tr>
                        </thead>
                        <tbody>{lines}</tbody>
                    </table>
                </div>
            })
        })
    };

    // What the file holds that will not be imported: unmapped columns with data, or vCard
    // properties Folio has no place for.
    let not_kept = move || {
        let lang = locale.get();
        let (items, hint, cards) = loaded.with(|l| match l {
            Some(Loaded::Csv(table, _)) => {
                let items: Vec<(String, usize)> = mapping.with(|m| {
                    table
                        .unmapped_with_data(m)
                        .into_iter()
                        .map(|(_, h, n)| (h, n))
                        .collect()
                });
                (items, Text::NotKeptColumnsHint, false)
            }
            Some(Loaded::Vcard(file, _)) => {
                (file.unplaced.clone(), Text::NotKeptPropertiesHint, true)
            }
            _ => (Vec::new(), Text::NotKeptColumnsHint, false),
        });
        (!items.is_empty()).then(|| {
            let list = items
                .iter()
                .map(|(name, n)| view! { <li>{phrases::not_imported(lang, name, *n, cards)}</li> })
                .collect_view();
            view! {
                <h3 id="contacts-not-kept-heading">{t(Text::NotKeptHeading)}</h3>
                <p class="hint">{t(hint)}</p>
                <ul class="simple-list" aria-labelledby="contacts-not-kept-heading" data-testid="contacts-not-kept">{list}</ul>
            }
        })
    };

    // The first rows as they will be imported, the values left out, every row to be skipped.
    let preview = move || {
        let lang = locale.get();
        let cards = is_cards();
        rows.with(|(rows, skips)| {
            let companies = rows
                .iter()
                .filter(|r| r.is_organisation() && !skips.iter().any(|(n, _)| *n == r.number))
                .count();
            let ready = rows.len() - skips.len() - companies;
            let number = if cards { Text::CardNumber } else { Text::RowNumber };
            let first = rows
                .iter()
                .take(PREVIEW_ROWS)
                .map(|r| {
                    let list = |text: &str| text.lines().collect::<Vec<_>>().join(", ");
                    let status = match skips.iter().find(|(n, _)| *n == r.number) {
                        Some((_, why)) => phrases::skip_reason(lang, why, cards),
                        None if r.is_organisation() => locale.t(Text::OrganisationOnly).to_string(),
                        None if r.dropped.is_empty() => locale.t(Text::RowReady).to_string(),
                        None => format!(
                            "{} ({}: {})",
                            locale.t(Text::RowReady),
                            locale.t(Text::ValuesLeftOut),
                            r.dropped.len()
                        ),
                    };
                    let naming = r.named_from.map(|how| phrases::naming(lang, how));
                    view! {
                        <tr>
                            <td class="number">{r.number}</td>
                            <td>{r.name()}{naming.map(|n| view! { <br/><span class="hint">{n}</span> })}</td>
                            <td>{list(&r.draft.emails)}</td>
                            <td>{list(&r.draft.phones)}</td>
                            <td>{r.organisation.clone()}</td>
                            <td>{status}</td>
                        </tr>
                    }
                })
                .collect_view();
            // Values of the rows that come in (a skipped row says why it is skipped instead).
            let dropped: Vec<String> = rows
                .iter()
                .filter(|r| !skips.iter().any(|(n, _)| *n == r.number))
                .flat_map(|r| {
                    r.dropped.iter().map(move |d| {
                        format!("{} {} — {}", locale.t(number), r.number, phrases::dropped_value(lang, d))
                    })
                })
                .collect();
            let dropped_more = dropped.len().saturating_sub(DROPPED_LISTED);
            let dropped_view = (!dropped.is_empty()).then(|| {
                let items = dropped
                    .into_iter()
                    .take(DROPPED_LISTED)
                    .map(|d| view! { <li>{d}</li> })
                    .collect_view();
                view! {
                    <h3 id="contacts-dropped-heading">{t(Text::DroppedValuesHeading)}</h3>
                    <ul class="simple-list" aria-labelledby="contacts-dropped-heading" data-testid="contacts-dropped">
                        {items}
                        {(dropped_more > 0).then(|| view! { <li>{format!("… +{dropped_more}")}</li> })}
                    </ul>
                }
            });
            let skipped = skips
                .iter()
                .map(|(n, why)| view! { <li>{phrases::skipped_row(lang, *n, why, cards)}</li> })
                .collect_view();
            view! {
                <p data-testid="contacts-import-count">{phrases::contacts_ready(lang, ready, companies, skips.len(), cards)}</p>
                <h3 id="contacts-preview-heading">{t(Text::ImportPreviewHeading)}</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="contacts-preview-heading">
                    <table class="data-table" aria-labelledby="contacts-preview-heading" data-testid="contacts-preview">
                        <thead>
                            <tr>
                                <th scope="col">{locale.t(number)}</th>
                                <th scope="col">{t(Text::Name)}</th>
                                <th scope="col">{t(Text::Email)}</th>
                                <th scope="col">{t(Text::Phone)}</th>
                                <th scope="col">{t(Text::Organisation)}</th>
                                <th scope="col">{t(Text::ImportProblems)}</th>
                            </tr>
                        </thead>
                        <tbody>{first}</tbody>
                    </table>
                </div>
                {dropped_view}
                {(!skips.is_empty()).then(|| view! {
                    <h3 id="contacts-skipped-heading">{t(Text::SkippedRowsHeading)}</h3>
                    <ul aria-labelledby="contacts-skipped-heading" data-testid="contacts-skipped">{skipped}</ul>
                })}
                <div class="actions">
                    <button type="button" class="button" disabled=move || importing.get() || ready + companies == 0 on:click=import>{t(Text::ImportContacts)}</button>
                    <Show when=move || importing.get()><span class="hint" role="status">{t(Text::ImportReading)}</span></Show>
                </div>
            }
        })
    };

    view! {
        <section class="panel" aria-labelledby="contacts-import-heading">
            <h2 id="contacts-import-heading">{t(Text::ContactsImportHeading)}</h2>
            <p class="hint">{t(Text::ContactsImportLead)}</p>
            <div role="status" data-testid="contacts-import-outcome">
                {move || outcome.get().map(|(summary, cards)| view! {
                    <p class="form-success">{phrases::contacts_import_outcome(locale.get(), &summary, cards)}</p>
                })}
            </div>
            <ActionError failure/>
            <div class="field">
                <label for="contacts-import-file">{t(Text::ContactsFile)}</label>
                <input id="contacts-import-file" type="file" node_ref=file_input
                    accept=".csv,.vcf,.vcard,.txt,text/csv,text/vcard,text/x-vcard" on:change=on_file/>
            </div>
            {move || loaded.with(|l| match l {
                None => None,
                Some(Loaded::Reading) => Some(view! { <p class="hint" role="status">{t(Text::ImportReading)}</p> }.into_any()),
                Some(Loaded::Refused(e)) => Some(view! {
                    <p class="form-error" role="alert" data-testid="contacts-import-problem">{contacts_in_error(locale.get(), e)}</p>
                }.into_any()),
                Some(Loaded::Csv(table, charset)) => Some(view! {
                    {facts(Some(table.delimiter), *charset, Some(table.header_row))}
                    <p class="hint">{t(Text::RowNumbersHint)}</p>
                }.into_any()),
                Some(Loaded::Vcard(_, charset)) => Some(facts(None, *charset, None).into_any()),
            })}
            {mapping_table}
            {not_kept}
            {move || loaded.with(|l| matches!(l, Some(Loaded::Csv(..) | Loaded::Vcard(..)))).then(preview)}
        </section>
    }
}
