//! qualityRTC network-test results: one call when an end user completes a network test
//! (testRTC's "Webhook support in qualityRTC"; a premium feature).

use super::{Declaration, Fact, Outcome, OutcomeDeclaration, Product, Sample};

pub(super) const RESULT: OutcomeDeclaration = OutcomeDeclaration {
    outcome: Outcome::Result,
    tab: "Result",
    sample: Sample::Payload {
        // The docs name the groups and their fields, not their values: the values are
        // examples (an IP from the documentation range 203.0.113.0/24).
        json: r#"{"testResult":{"testPageUrl":"https://networktest.example.com/","fingerprint":{"platform":"Win32","effectiveConnectionType":"4g","fingerprint":"c2f1e3a9b7d5","cpuClass":"unknown","userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0","timezone":{"title":"Europe/Berlin","hours":1},"devices":["Default - Microphone","HD Webcam"]},"checkBrowser":{"browser":"Chrome","version":"120","canRun":true},"networkInformation":{"effectiveType":"4g","downlink":10,"rtt":50,"proxy":false},"throughput":{"averageBandwidth":24.6,"concurrentConnections":4,"highestBandwidth":31.2,"lowestBandwidth":18.4,"maxThroughouts":31.2,"minThroughouts":18.4},"testCall":{"codec":"opus","avgJit":3.1,"avgPl":0.2,"avgRtt":48,"mark":4.5,"maxJit":7.4,"maxPl":1.1,"maxRtt":62,"minJit":1.2,"minPl":0,"minRtt":41,"remotePort":3478,"remoteAddress":"203.0.113.10"},"turnTest":{"tcpConnectionTime":120,"tcpGatheringTime":85,"udpConnectionTime":60,"udpGatheringTime":40,"tlsConnectionTime":180,"tlsGatheringTime":95,"behindProxy":false},"videoBandwidthTest":{"bandwidthEstimate":2500,"bitrate":2200,"roundTripTime":45,"fractionLoss":0.01}}}"#,
        documented: false,
        source: "qualityRTC's documented testResult structure; the values are examples: the docs name the fields, not their values (assumed).",
    },
};

pub(super) const QUALITYRTC: Declaration = Declaration {
    product: Product::QualityRtc,
    id: "qualityrtc",
    name: "qualityRTC",
    data: "the qualityRTC result",
    outcomes: &[Outcome::Result],
    ce_type: Fact {
        value: "qualityrtc",
        documented: true,
        source: "testRTC's docs: ce-type is qualityrtc for qualityRTC.",
    },
    ce_id: Fact {
        value: "testResult.fingerprint.fingerprint",
        documented: false,
        source: "Required by the CloudEvents spec; the documented result has no id of its own, so hookcheck uses its fingerprint (assumed).",
    },
    templates_documented: false,
};
