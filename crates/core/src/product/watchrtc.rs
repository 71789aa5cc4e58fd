//! watchRTC custom alerts: once a room is closed and analysed, one call listing its peers
//! and the alerts each raised (testRTC's "Webhook support in watchRTC").

use super::{Declaration, Fact, Outcome, OutcomeDeclaration, Product, Sample};

pub(super) const ALERT: OutcomeDeclaration = OutcomeDeclaration {
    outcome: Outcome::Alert,
    tab: "Alert",
    sample: Sample::Payload {
        // The newer shape of the docs; the time, room id and both notifications are the
        // docs' own, the project, peer and keys are examples.
        json: r#"{"time":"2022-03-11T21:03:24.000Z","project":{"id":"6229b1f04fd1ae0017f1d2a4","name":"My project"},"room_id":"testrtclongmachineroom1","peers":[{"peer_id":"peer-1","keys":{"company":"Acme"},"notifications":[{"calculation":"Score 7.70 > 7","metric":"score","value":"7.70","operator":">","threshold":"7","status":"error"},{"calculation":"Call Setup Time 1595.00 > 1500","metric":"callSetupTime","value":"1595.00","operator":">","threshold":"1500","status":"warning"}]}]}"#,
        documented: true,
        source: "watchRTC's documented alert (its newer shape); the project, peer and keys are examples.",
    },
};

pub(super) const WATCHRTC: Declaration = Declaration {
    product: Product::WatchRtc,
    id: "watchrtc",
    name: "watchRTC",
    data: "the watchRTC alert",
    outcomes: &[Outcome::Alert],
    ce_type: Fact {
        value: "watchrtc",
        documented: false,
        source: "testRTC documents no ce-type for watchRTC (only testingrtc, qualityrtc, probertc and none); hookcheck assumes watchrtc.",
    },
    ce_id: Fact {
        value: "room_id",
        documented: false,
        source: "Required by the CloudEvents spec; watchRTC calls once per room, so the room id is the natural id (assumed).",
    },
    templates_documented: false,
};
