// Filter forms marked data-autosubmit apply as soon as a select changes. The pages work without
// this script: every form also has a submit button.
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.form && field.form.hasAttribute("data-autosubmit")) {
    field.form.requestSubmit();
  }
});
