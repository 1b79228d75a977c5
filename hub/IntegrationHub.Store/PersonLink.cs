using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store;

/// <summary>Links a person (by identity) to an event and its case for the Mina Sidor timeline.</summary>
public sealed record PersonLink(PartyIdentity Identity, PersonRelation Relation, PartyRole? Role = null);
