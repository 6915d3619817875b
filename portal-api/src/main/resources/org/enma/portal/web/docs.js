// Swagger UI on the server's own OpenAPI document; "Authorize" takes an API key (enma apikey create).
window.ui = SwaggerUIBundle({
  url: "/v1/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: true,
  persistAuthorization: false
});
