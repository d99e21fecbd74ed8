//! Who a purpose is for, in words: its audience ("Contacts with the tag “vip”", "Parties to a
//! deal in: Won, Negotiation"). Must not import `ui`.

use crate::domain::deal::Pipeline;
use crate::domain::outreach::Audience;
use crate::i18n::{Lang, Text};

/// A purpose's audience, its stages named as the pipeline names them (an id no stage has any
/// more is shown as it is).
pub fn audience(lang: Lang, audience: &Audience, pipeline: &Pipeline) -> String {
    match audience {
        Audience::Everyone => Text::AudienceEveryone.get(lang).to_string(),
        Audience::Customers => Text::AudienceCustomers.get(lang).to_string(),
        Audience::Tagged { tag } => format!("{} „{tag}“", Text::AudienceTagged.get(lang)),
        Audience::DealStages { stages } => {
            let names: Vec<String> = stages
                .iter()
                .map(|id| match pipeline.stage(id) {
                    Some(stage) => super::stage_name(lang, stage),
                    None => id.clone(),
                })
                .collect();
            format!(
                "{}: {}",
                Text::AudienceDealStages.get(lang),
                names.join(", ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_audience_reads_with_its_tag_or_its_stages_named() {
        let pipeline = Pipeline::default();
        assert_eq!(
            audience(Lang::En, &Audience::Everyone, &pipeline),
            "Everyone"
        );
        assert_eq!(
            audience(Lang::Cs, &Audience::Tagged { tag: "vip".into() }, &pipeline),
            "Kontakty se štítkem „vip“"
        );
        let won = pipeline
            .stages
            .iter()
            .find(|s| s.outcome == crate::domain::deal::Outcome::Won)
            .unwrap();
        let stages = Audience::DealStages {
            stages: vec![won.id.clone(), "gone".into()],
        };
        let text = audience(Lang::En, &stages, &pipeline);
        assert!(
            text.starts_with("Parties to a deal in chosen stages: "),
            "{text}"
        );
        assert!(text.ends_with(", gone"), "{text}");
        assert!(!text.contains(&won.id) || won.id == super::super::stage_name(Lang::En, won));
    }
}
