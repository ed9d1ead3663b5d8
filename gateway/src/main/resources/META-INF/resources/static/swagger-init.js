// Starts Swagger UI on the integrators' merged document (a file, not inline: the gateway's CSP allows no inline script).
window.addEventListener('load', function () {
  var element = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({ url: element.dataset.url, dom_id: '#swagger-ui', deepLinking: true });
});
