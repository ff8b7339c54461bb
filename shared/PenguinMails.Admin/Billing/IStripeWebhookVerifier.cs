namespace PenguinMails.Admin.Billing;

/// <summary>Checks the <c>Stripe-Signature</c> header against the exact raw payload and reads the event envelope.</summary>
public interface IStripeWebhookVerifier
{
    /// <summary>
    /// Fails with <c>stripe_signature_invalid</c> for a bad signature or a timestamp outside the tolerance, and with
    /// <c>malformed_event</c> for a signed body that is not an event. Never throws for bad input.
    /// </summary>
    WebhookVerification Verify(string payload, string signatureHeader);
}
