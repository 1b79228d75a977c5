namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>
/// One operation of the Future service. The SOAPAction names the WCF contract interface, which is not always
/// "I" + the operation (GetAuthorizedUsers lives on IGetAuthorizedUser), so each is taken from the WSDL's binding.
/// </summary>
internal sealed record FutureOperation(string Interface, string Name)
{
    public static readonly FutureOperation GetErrandsForCustomer = new("IGetErrandsForCustomer", "GetErrandsForCustomer");
    public static readonly FutureOperation GetAuthorizedUsers = new("IGetAuthorizedUser", "GetAuthorizedUsers");
    public static readonly FutureOperation GetCustomerById = new("IGetCustomerById", "GetCustomerById");
    public static readonly FutureOperation SubmitOrderTypeApplication = new("ISubmitOrderTypeApplicationV1_4", "SubmitOrderTypeApplicationV1_4");
    public static readonly FutureOperation SubmitComplaintApplication = new("ISubmitComplaintApplicationV1_4", "SubmitComplaintApplicationV1_4");

    /// <summary>The SOAP 1.1 action, e.g. http://tempuri.org/IGetAuthorizedUser/GetAuthorizedUsers.</summary>
    public string SoapAction => $"{FutureNamespaces.Service.NamespaceName}{Interface}/{Name}";
}
